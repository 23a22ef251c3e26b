// PCT honours its depth: an execution of depth d has d-1 priority-change points, so two threads
// that could both always run switch (away from a thread that could go on, without a yield) at
// most d-1 = 2 times (depths are drawn from 1..3), and every count 0, 1, 2 occurs over seeds.
#include "explore/pct_strategy.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cj::explore {
namespace {

TEST(PctStrategy, SwitchesAtMostDepthMinusOneTimes) {
  PctStrategy pct;
  std::set<int> seen;
  for (std::uint64_t seed = 1; seed <= 500; ++seed) {
    pct.begin(seed * 0x9e3779b97f4a7c15ULL);
    int current = -1, switches = 0;
    // 1500 decisions: below PCT's 2000-step long-run rule, and most change points (drawn in
    // 1..k, k up to 2048) fall inside.
    for (int step = 0; step < 1500; ++step) {
      Options o;
      o.runnable = {0, 1};
      o.current = current;
      const Pick p = pct.pick(o);
      ASSERT_EQ(p.how, Pick::How::run);
      if (current >= 0 && p.thread != current) ++switches;
      current = p.thread;
    }
    EXPECT_LE(switches, 2) << "seed " << seed;
    seen.insert(switches);
  }
  EXPECT_EQ(seen, (std::set<int>{0, 1, 2}));
}

}  // namespace
}  // namespace cj::explore
