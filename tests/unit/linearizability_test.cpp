#include "cj/linearizability.hpp"

#include <gtest/gtest.h>

namespace cj::lin {
namespace {

// A read/write register: write(v) stores v, read() returns the last value written (0 at first).
enum : int { kWrite = 0, kRead = 1 };
struct RegisterSpec {
  using State = long long;
  State initial() const { return 0; }
  std::optional<long long> apply(State& s, const Operation& op) const {
    if (op.method == kWrite) {
      s = op.arg;
      return 0;
    }
    return s;
  }
  std::string key(const State& s) const { return std::to_string(s); }
};
static_assert(Specification<RegisterSpec>);

// A semaphore-like token counter: take() waits for a token, give() adds one.
enum : int { kGive = 0, kTake = 1 };
struct TokenSpec {
  using State = int;
  State initial() const { return 0; }
  std::optional<long long> apply(State& s, const Operation& op) const {
    if (op.method == kGive) return ++s, 0;
    if (s == 0) return std::nullopt;
    return --s, 0;
  }
  std::string key(const State& s) const { return std::to_string(s); }
};

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
Operation write(int t, long long v, std::uint64_t call, std::uint64_t ret) {
  return op(t, kWrite, v, 0, call, ret);
}
Operation read(int t, long long v, std::uint64_t call, std::uint64_t ret) {
  return op(t, kRead, 0, v, call, ret);
}

std::string who(int t) { return "thread " + std::to_string(t + 1); }
std::string call_text(const Operation& o) {
  return o.method == kWrite ? "write(" + std::to_string(o.arg) + ")" : "read()";
}
std::string result_text(const Operation& o) {
  return o.method == kRead ? std::to_string(o.result) : "";
}

TEST(Linearizability, ReadOverlappingAWriteMaySeeEitherValue) {
  // read [1,4] overlaps write(5) [0,3]: 0 and 5 are both explained.
  EXPECT_TRUE(linearizable(RegisterSpec{}, {write(0, 5, 0, 3), read(1, 5, 1, 4)}));
  EXPECT_TRUE(linearizable(RegisterSpec{}, {write(0, 5, 0, 3), read(1, 0, 1, 4)}));
}

TEST(Linearizability, ReadOfAnOverwrittenValueAfterTheWriteReturnedIsRejected) {
  // write(5) returned before the read began, so the read must see 5.
  const std::vector<Operation> h = {write(0, 5, 0, 1), read(1, 0, 2, 3)};
  EXPECT_FALSE(linearizable(RegisterSpec{}, h));
}

TEST(Linearizability, TwoReadersMustAgreeOnTheOrderOfConcurrentWrites) {
  // Writes of 1 and 2 overlap; one reader sees 1 then 2, the other 2 then 1, all after both
  // writes returned: no single order of the writes explains both readers.
  const std::vector<Operation> h = {write(0, 1, 0, 4), write(1, 2, 1, 5),  read(2, 1, 6, 7),
                                    read(2, 2, 8, 9),  read(3, 2, 10, 11), read(3, 1, 12, 13)};
  EXPECT_FALSE(linearizable(RegisterSpec{}, h));
}

TEST(Linearizability, BlockingOperationsTakeEffectOnlyWhereTheSpecificationAllows) {
  // take() returned before any give() began: it cannot have taken a token.
  EXPECT_FALSE(linearizable(TokenSpec{}, {op(0, kTake, 0, 0, 0, 1), op(1, kGive, 0, 0, 2, 3)}));
  // Overlapping: the give takes effect first.
  EXPECT_TRUE(linearizable(TokenSpec{}, {op(0, kTake, 0, 0, 0, 3), op(1, kGive, 0, 0, 1, 2)}));
}

TEST(Linearizability, PendingOperationsMayTakeEffectWithAnyResultOrNotAtAll) {
  Operation pending_write = write(0, 7, 0, 0);
  pending_write.ret = Operation::kPending;
  EXPECT_TRUE(linearizable(RegisterSpec{}, {pending_write, read(1, 7, 1, 2)}));
  EXPECT_TRUE(linearizable(RegisterSpec{}, {pending_write, read(1, 0, 1, 2)}));
  Operation pending_take = op(0, kTake, 0, 0, 0, 0);
  pending_take.ret = Operation::kPending;
  EXPECT_TRUE(linearizable(TokenSpec{}, {pending_take}));
}

TEST(Linearizability, WitnessIsShrunkToTheOperationsThatShowTheViolation) {
  // An early stale read, then unrelated traffic: the witness keeps only write(5) and the read.
  const std::vector<Operation> h = {write(0, 5, 0, 1), read(1, 0, 2, 3),  write(2, 6, 4, 5),
                                    read(1, 6, 6, 7),  write(0, 8, 8, 9), read(2, 8, 10, 11)};
  const auto w = minimise(RegisterSpec{}, h);
  EXPECT_EQ(format(w, who, call_text, result_text),
            "[1,2] thread 1: write(5)\n[3,4] thread 2: read() -> 0\n");
}

TEST(Linearizability, FormatMarksOperationsThatHadNotReturned) {
  Operation pending = read(1, 0, 1, 0);
  pending.ret = Operation::kPending;
  EXPECT_EQ(format({write(0, 3, 0, 2), pending}, who, call_text, result_text),
            "[1,3] thread 1: write(3)\n[2,-] thread 2: read() (had not returned)\n");
}

TEST(Linearizability, SearchCountsItsNodesAndMemoisesRepeatedStates) {
  // Eight threads each write the same value once, all overlapping, then one read: every order
  // leads to the same state, so memoisation keeps the search near linear.
  std::vector<Operation> h;
  for (int t = 0; t < 8; ++t) h.push_back(write(t, 1, static_cast<std::uint64_t>(t), 100));
  h.push_back(read(8, 2, 101, 102));
  std::size_t nodes = 0;
  EXPECT_FALSE(linearizable(RegisterSpec{}, h, &nodes));
  EXPECT_LT(nodes, 2000u);  // 2^8 subsets at most, each visited once
}

TEST(Linearizability, AllowedResultsNameWhatTheSpecificationWouldHaveReturned) {
  const std::vector<Operation> h = {write(0, 5, 0, 1), read(1, 0, 2, 3)};
  EXPECT_EQ(allowed_results(RegisterSpec{}, h, 1, {0, 5, 6}), std::vector<long long>{5});
}

}  // namespace
}  // namespace cj::lin
