#include "cj/fifo_linearizability.hpp"

#include <gtest/gtest.h>

namespace cj::fifo {
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
Operation enq(int t, long long v, std::uint64_t call, std::uint64_t ret) {
  return op(t, kEnqueue, v, 0, call, ret);
}
Operation deq(int t, long long v, std::uint64_t call, std::uint64_t ret) {
  return op(t, kDequeue, 0, v, call, ret);
}
Operation size(int t, long long n, std::uint64_t call, std::uint64_t ret) {
  return op(t, kSize, 0, n, call, ret);
}

std::string who(int t) { return "thread " + std::to_string(t + 1); }

TEST(FifoLinearizability, OverlappingOperationsThatSomeOrderExplainsAreAccepted) {
  // Capacity 1. The dequeue of 2 starts before enqueue(2) returns; the consumer returns 1 after
  // enqueue(2) began: still explained by enqueue(1), dequeue->1, enqueue(2), dequeue->2.
  std::vector<Operation> h = {enq(0, 1, 0, 3), enq(1, 2, 1, 8), deq(2, 1, 2, 5), deq(2, 2, 6, 9),
                              size(3, 0, 10, 11)};
  EXPECT_FALSE(check(h, 1).has_value());
  // Concurrent enqueues may land in either order.
  std::vector<Operation> either = {enq(0, 1, 0, 4), enq(1, 2, 1, 3), deq(2, 2, 5, 6),
                                   deq(2, 1, 7, 8)};
  EXPECT_FALSE(check(either, 2).has_value());
}

TEST(FifoLinearizability, FifoViolationIsRejectedWithTheElementsInvolved) {
  std::vector<Operation> h = {enq(0, 1, 0, 1), enq(0, 2, 2, 3), size(2, 2, 4, 5), deq(1, 2, 6, 7),
                              deq(1, 1, 8, 9)};
  auto v = check(h, 2);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("order they went in"), std::string::npos) << v->reason;
  EXPECT_EQ(v->witness.size(), 3u) << format(v->witness, who);  // enq 1, enq 2, deq -> 2
}

TEST(FifoLinearizability, EnqueueReturningIntoAFullQueueIsRejected) {
  // Capacity 1: both enqueues return before any dequeue is called.
  std::vector<Operation> h = {enq(0, 1, 0, 1), enq(0, 2, 2, 3), deq(1, 1, 4, 5), deq(1, 2, 6, 7)};
  auto v = check(h, 1);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("capacity is 1"), std::string::npos) << v->reason;
  EXPECT_EQ(v->witness.size(), 2u) << format(v->witness, who);
}

TEST(FifoLinearizability, DequeueFromAnEmptyQueueIsRejected) {
  // dequeue() returns 1 before enqueue(1) was even called.
  std::vector<Operation> h = {deq(1, 1, 0, 1), enq(0, 1, 2, 3)};
  auto v = check(h, 1);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("before enqueue(1) was called"), std::string::npos) << v->reason;
  // A pop from an empty buffer that hands back a stale slot: 1 comes out twice.
  std::vector<Operation> stale = {enq(0, 1, 0, 1), deq(1, 1, 2, 3), deq(2, 1, 4, 5)};
  auto twice = check(stale, 1);
  ASSERT_TRUE(twice.has_value());
  EXPECT_NE(twice->reason.find("dequeued twice"), std::string::npos) << twice->reason;
}

TEST(FifoLinearizability, ImpossibleSizeIsRejected) {
  std::vector<Operation> h = {enq(0, 1, 0, 1), size(1, 0, 2, 3), deq(2, 1, 4, 5)};
  auto v = check(h, 2);
  ASSERT_TRUE(v.has_value());
  EXPECT_NE(v->reason.find("size() returned 0"), std::string::npos) << v->reason;
  std::vector<Operation> big = {size(1, 3, 0, 1)};
  EXPECT_TRUE(check(big, 2).has_value());
}

TEST(FifoLinearizability, WitnessIsTheShortestFailingPrefix) {
  // The violation (size 2 with capacity 1 after one enqueue) happens early; later operations are
  // left out of the witness.
  std::vector<Operation> h = {enq(0, 1, 0, 1), size(1, 0, 2, 3),  deq(1, 1, 4, 5),  enq(0, 2, 6, 7),
                              deq(1, 2, 8, 9), enq(0, 3, 10, 11), deq(1, 3, 12, 13)};
  auto v = check(h, 1);
  ASSERT_TRUE(v.has_value());
  EXPECT_LE(v->witness.size(), 2u) << format(v->witness, who);
  EXPECT_EQ(format(v->witness, who), "[1,2] thread 1: enqueue(1)\n[3,4] thread 2: size() -> 0\n");
}

TEST(FifoLinearizability, PendingOperationsMayOrMayNotHaveTakenEffect) {
  Operation pending_enq = enq(0, 1, 0, 0);
  pending_enq.ret = Operation::kPending;
  std::vector<Operation> h = {pending_enq, deq(1, 1, 1, 2)};
  EXPECT_TRUE(linearizable(h, 1));
  std::vector<Operation> h2 = {pending_enq, size(1, 0, 1, 2)};
  EXPECT_TRUE(linearizable(h2, 1));
}

}  // namespace
}  // namespace cj::fifo
