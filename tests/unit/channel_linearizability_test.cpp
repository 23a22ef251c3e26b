#include "cj/channel_linearizability.hpp"

#include <gtest/gtest.h>

namespace cj::channel {
namespace {

Operation op(int thread, int method, long long arg, long long result, std::uint64_t call,
             std::uint64_t ret) {
  Operation o;
  o.thread = thread;
  o.method = method;
  o.arg = arg;
  o.result = result;
  o.call = call;
  o.ret = ret;
  return o;
}
Operation send(int t, long long v, bool ok, std::uint64_t call, std::uint64_t ret) {
  return op(t, kSend, v, ok ? 1 : 0, call, ret);
}
Operation recv(int t, long long v, std::uint64_t call, std::uint64_t ret) {
  return op(t, kReceive, 0, v, call, ret);
}
Operation close(int t, std::uint64_t call, std::uint64_t ret) {
  return op(t, kClose, 0, 0, call, ret);
}

TEST(ChannelLinearizability, ABufferedRunWithCloseAndDrainIsAccepted) {
  // Capacity 1: send(1), send(2) waits for the receive of 1, close, a late send fails, the
  // receiver drains 2 after the close and then sees closed.
  std::vector<Operation> h = {send(0, 1, true, 0, 1),  send(0, 2, true, 2, 5),  recv(1, 1, 3, 4),
                              close(0, 6, 7),          send(0, 3, false, 8, 9), recv(1, 2, 10, 11),
                              recv(1, kClosed, 12, 13)};
  EXPECT_FALSE(check(h, 1).has_value());
}

TEST(ChannelLinearizability, ARendezvousWhoseReceiveOverlapsTheSendIsAccepted) {
  std::vector<Operation> h = {recv(1, 7, 0, 3), send(0, 7, true, 1, 4), close(0, 5, 6),
                              recv(1, kClosed, 7, 8)};
  EXPECT_FALSE(check(h, 0).has_value());
}

TEST(ChannelLinearizability, ARendezvousSendReturningBeforeAnyReceiverIsRejected) {
  std::vector<Operation> h = {send(0, 7, true, 0, 1), recv(1, 7, 2, 3), close(0, 4, 5),
                              recv(1, kClosed, 6, 7)};
  auto v = check(h, 0);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("returned before any receive() had taken 7"), std::string::npos)
      << v->reason;
  EXPECT_EQ(v->witness.size(), 2u);
}

TEST(ChannelLinearizability, ASendIntoAFullBufferIsRejectedWithTheCount) {
  // Capacity 1, nobody receives until both sends have returned.
  std::vector<Operation> h = {send(0, 1, true, 0, 1), send(0, 2, true, 2, 3), recv(1, 1, 4, 5),
                              recv(1, 2, 6, 7)};
  auto v = check(h, 1);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("already held 1 value, and the capacity is 1"), std::string::npos)
      << v->reason;
}

TEST(ChannelLinearizability, ASuccessfulSendAfterCloseIsRejected) {
  std::vector<Operation> h = {close(0, 0, 1), send(0, 5, true, 2, 3), recv(1, 5, 4, 5),
                              recv(1, kClosed, 6, 7)};
  auto v = check(h, 2);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("close() had returned before it began"), std::string::npos) << v->reason;
}

TEST(ChannelLinearizability, AValueLostBeforeClosedIsReportedIsRejected) {
  std::vector<Operation> h = {send(0, 1, true, 0, 1), close(0, 2, 3), recv(1, kClosed, 4, 5)};
  auto v = check(h, 2);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("the value was lost"), std::string::npos) << v->reason;
}

TEST(ChannelLinearizability, AReceiverStillWaitingAfterCloseOfAnEmptyChannelIsNamed) {
  std::vector<Operation> snapshot = {recv(1, 0, 0, Operation::kPending), close(0, 1, 2)};
  auto v = stuck_after_close(snapshot);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("close() must wake every waiting receiver"), std::string::npos);
  EXPECT_EQ(format(v->witness, [](int t) { return "t" + std::to_string(t); }),
            "[1,-] t1: receive() (still waiting)\n[2,3] t0: close()");
  // Before close() returns, a waiting receiver is no evidence of anything.
  EXPECT_FALSE(stuck_after_close({recv(1, 0, 0, Operation::kPending)}).has_value());
}

}  // namespace
}  // namespace cj::channel
