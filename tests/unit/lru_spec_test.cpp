#include "cj/lru_spec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "cj/linearizability.hpp"

namespace cj::lru {
namespace {

// One thread's calls, back to back: call i occupies [2i, 2i+1].
std::vector<Operation> sequential(const std::vector<std::array<long long, 4>>& calls) {
  std::vector<Operation> ops;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    Operation o;
    o.method = static_cast<int>(calls[i][0]);
    o.arg = calls[i][1];
    o.arg2 = calls[i][2];
    o.result = calls[i][3];
    o.call = 2 * i;
    o.ret = 2 * i + 1;
    ops.push_back(o);
  }
  return ops;
}

TEST(LruSpec, TheStatementsExampleIsARunOfTheCache) {
  // put(1,10) put(2,20) get(1)->10 put(3,30) get(2)->-1 get(3)->30 size()->2
  const auto h = sequential({{kPut, 1, 10, 0},
                             {kPut, 2, 20, 0},
                             {kGet, 1, 0, 10},
                             {kPut, 3, 30, 0},
                             {kGet, 2, 0, -1},
                             {kGet, 3, 0, 30},
                             {kSize, 0, 0, 2}});
  EXPECT_TRUE(lin::linearizable(Spec{2}, h));
}

TEST(LruSpec, EvictingTheKeyAGetJustRefreshedIsRejected) {
  // get(1) refreshed key 1, so put(3) must evict key 2, not key 1.
  const auto h = sequential(
      {{kPut, 1, 10, 0}, {kPut, 2, 20, 0}, {kGet, 1, 0, 10}, {kPut, 3, 30, 0}, {kGet, 1, 0, -1}});
  EXPECT_FALSE(lin::linearizable(Spec{2}, h));
  EXPECT_EQ(lin::allowed_results(Spec{2}, h, 4, {-1, 10}), std::vector<long long>{10});
}

TEST(LruSpec, UpdatingACachedKeyEvictsNothing) {
  const auto h = sequential(
      {{kPut, 1, 10, 0}, {kPut, 2, 20, 0}, {kPut, 2, 21, 0}, {kGet, 1, 0, 10}, {kSize, 0, 0, 2}});
  EXPECT_TRUE(lin::linearizable(Spec{2}, h));
}

TEST(LruSpec, ShrinkingKeepsAPutWithTheGetsThatSawItsValue) {
  const auto h = sequential(
      {{kPut, 1, 10, 0}, {kPut, 2, 20, 0}, {kGet, 2, 0, 20}, {kPut, 3, 30, 0}, {kGet, 2, 0, -1}});
  const auto w = lin::minimise(Spec{2}, h);
  ASSERT_FALSE(w.empty());
  EXPECT_FALSE(lin::linearizable(Spec{2}, w));
  const bool saw_20 = std::any_of(
      w.begin(), w.end(), [](const Operation& op) { return op.method == kGet && op.result == 20; });
  const bool put_20 = std::any_of(
      w.begin(), w.end(), [](const Operation& op) { return op.method == kPut && op.arg2 == 20; });
  EXPECT_TRUE(!saw_20 || put_20);
}

}  // namespace
}  // namespace cj::lru
