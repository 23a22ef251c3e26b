// DFS over a toy program, counted by hand: thread i takes steps[i] steps, and before each step
// the toy scheduler asks the strategy who runs next whenever two or more threads could run, as
// the explorer does. Switching away from a thread that could go on is a preemption; switching
// after a thread's last step is free.
#include "explore/dfs_strategy.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace cj::explore {
namespace {

struct Search {
  std::set<std::string> schedules;
  int executions = 0;
};

Search explore_all(const std::vector<int>& steps, int bound) {
  DfsStrategy dfs(bound);
  Search s;
  while (!dfs.exhausted() && s.executions < 10000) {
    dfs.begin(0);
    std::vector<int> left = steps;
    std::string schedule;
    int current = -1;
    for (;;) {
      Options o;
      for (int i = 0; i < static_cast<int>(left.size()); ++i)
        if (left[i] > 0) o.runnable.push_back(i);
      if (o.runnable.empty()) break;
      o.current = current;
      const int next = o.runnable.size() == 1 ? o.runnable.front() : dfs.pick(o).thread;
      schedule += static_cast<char>('0' + next);
      --left[next];
      current = next;
    }
    dfs.end(schedule.size());
    ++s.executions;
    s.schedules.insert(schedule);
  }
  return s;
}

TEST(DfsStrategy, BoundZeroRunsEachThreadToItsEnd) {
  const Search s = explore_all({2, 2}, 0);
  EXPECT_EQ(s.executions, 2);
  EXPECT_EQ(s.schedules, (std::set<std::string>{"0011", "1100"}));
}

TEST(DfsStrategy, BoundOneAddsTheSchedulesWithOnePreemption) {
  // Of the 6 interleavings of two 2-step threads, 0101 and 1010 need 2 preemptions.
  const Search s = explore_all({2, 2}, 1);
  EXPECT_EQ(s.executions, 4);
  EXPECT_EQ(s.schedules, (std::set<std::string>{"0011", "0110", "1001", "1100"}));
}

TEST(DfsStrategy, BoundTwoCoversEveryInterleavingOfTwoTwoStepThreads) {
  const Search s = explore_all({2, 2}, 2);
  EXPECT_EQ(s.executions, 6);  // C(4, 2)
  EXPECT_EQ(s.schedules.size(), 6u);
}

TEST(DfsStrategy, SwitchesAfterAThreadEndsAreFree) {
  // One step each: every order of three threads needs no preemption at all (3! = 6).
  const Search s = explore_all({1, 1, 1}, 0);
  EXPECT_EQ(s.executions, 6);
  EXPECT_EQ(s.schedules.size(), 6u);
}

TEST(DfsStrategy, ThreeThreadsUnboundedGiveTheMultinomialCount) {
  // 2, 1 and 1 steps: 4! / (2! 1! 1!) = 12 interleavings, each exactly once.
  const Search s = explore_all({2, 1, 1}, 10);
  EXPECT_EQ(s.executions, 12);
  EXPECT_EQ(s.schedules.size(), 12u);
}

TEST(DfsStrategy, BranchesOverWhichWaiterASignalWakes) {
  DfsStrategy dfs(2);
  std::set<std::size_t> woken;
  int executions = 0;
  while (!dfs.exhausted() && executions < 100) {
    dfs.begin(0);
    woken.insert(dfs.pick_index(3));
    dfs.end(1);
    ++executions;
  }
  EXPECT_EQ(executions, 3);
  EXPECT_EQ(woken, (std::set<std::size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace cj::explore
