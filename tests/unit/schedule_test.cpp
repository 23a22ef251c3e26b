// A schedule is data: its text form reads back to the same schedule, bad text is refused with a
// reason, and the replay strategy makes exactly the recorded choices (or says it diverged).
#include "cj/schedule.hpp"

#include <gtest/gtest.h>

#include "explore/replay_strategy.hpp"

namespace cj {
namespace {

TEST(Schedule, TextRoundTrip) {
  Schedule s{3, 18446744073709551615ULL, "pct@17", {{'r', 0}, {'s', 2}, {'e', 1}, {'i', 4}}};
  const std::string text = format_schedule(s);
  EXPECT_EQ(text, "case=3;seed=18446744073709551615;by=pct@17;choices=r0.s2.e1.i4");
  Schedule back;
  ASSERT_EQ(parse_schedule(text + "\n", &back), "");
  EXPECT_EQ(back, s);
}

TEST(Schedule, NoChoices) {
  Schedule back;
  ASSERT_EQ(parse_schedule("case=0;seed=1;by=dfs;choices=", &back), "");
  EXPECT_TRUE(back.choices.empty());
  EXPECT_EQ(back.by, "dfs");
}

TEST(Schedule, BadTextIsRefused) {
  Schedule s;
  EXPECT_NE(parse_schedule("", &s), "");
  EXPECT_NE(parse_schedule("case=0;seed=1;by=random", &s), "");  // no choices=
  EXPECT_NE(parse_schedule("case=x;seed=1;by=random;choices=r0", &s), "");
  EXPECT_NE(parse_schedule("case=0;seed=1;by=random;choices=q0", &s), "");
  EXPECT_NE(parse_schedule("case=0;seed=1;by=random;choices=r", &s), "");
  EXPECT_NE(parse_schedule("case=0;seed=1;by=random;choices=r0;colour=red", &s), "");
  EXPECT_NE(parse_schedule("case=0;seed=-1;by=random;choices=r0", &s), "");
}

}  // namespace

namespace explore {
namespace {

Options options(std::vector<int> runnable, std::vector<int> spurious = {},
                std::vector<int> early = {}) {
  Options o;
  o.runnable = std::move(runnable);
  o.spurious = std::move(spurious);
  o.early = std::move(early);
  return o;
}

TEST(ReplayStrategy, MakesTheRecordedChoices) {
  ReplayStrategy replay("random@3", {{Choice::Kind::run, 1},
                                     {Choice::Kind::index, 2},
                                     {Choice::Kind::spurious_wakeup, 2},
                                     {Choice::Kind::early_timeout, 0}});
  replay.begin(7);
  EXPECT_EQ(replay.name(), "random@3");
  Pick p = replay.pick(options({0, 1}));
  EXPECT_EQ(p.thread, 1);
  EXPECT_EQ(p.how, Pick::How::run);
  EXPECT_EQ(replay.pick_index(3), 2u);
  p = replay.pick(options({0}, {2}));
  EXPECT_EQ(p.thread, 2);
  EXPECT_EQ(p.how, Pick::How::spurious_wakeup);
  p = replay.pick(options({1}, {}, {0}));
  EXPECT_EQ(p.thread, 0);
  EXPECT_EQ(p.how, Pick::How::early_timeout);
  EXPECT_FALSE(replay.diverged());
  EXPECT_TRUE(replay.complete());
}

TEST(ReplayStrategy, SaysWhenTheExecutionGoesAnotherWay) {
  ReplayStrategy replay("dfs", {{Choice::Kind::run, 2}, {Choice::Kind::index, 5}});
  replay.begin(1);
  const Pick p = replay.pick(options({0, 1}));  // thread 2 cannot run here
  EXPECT_EQ(p.thread, 0);
  EXPECT_TRUE(replay.diverged());
  replay.begin(1);  // a new execution starts afresh
  EXPECT_FALSE(replay.diverged());
  EXPECT_EQ(replay.pick(options({1, 2})).thread, 2);
  EXPECT_EQ(replay.pick_index(3), 0u);  // 5 is not below 3
  EXPECT_TRUE(replay.diverged());
}

}  // namespace
}  // namespace explore
}  // namespace cj
