#pragma once

#include "explore/strategy.hpp"

namespace cj::explore {

/// Depth-first search over schedules with a preemption bound (CHESS): every schedule with at most
/// `bound` preemptions, one per execution, each execution following the previous one's choices
/// up to the last decision that still has an untried option. Needs executions that repeat the
/// same choices given the same decisions (the explorer gives every DFS execution one seed).
/// Most concurrency bugs need at most 2-3 preemptions (SCTBench).
class DfsStrategy final : public Strategy {
 public:
  explicit DfsStrategy(int bound) : bound_(bound) {}
  std::string name() const override { return "dfs"; }
  void begin(std::uint64_t seed) override;
  int pick(const std::vector<int>& runnable, int current, bool yielded) override;
  void end(std::uint64_t steps) override;
  bool exhausted() const override { return exhausted_; }
  bool eager_time() const override { return false; }

 private:
  struct Node {
    std::vector<int> options;  // in the order tried: no preemption first
    std::size_t chosen = 0;
    int current = -1;
    bool current_runnable = false;
  };
  int bound_;
  std::vector<Node> path_;
  std::size_t depth_ = 0;
  int preemptions_ = 0;
  bool exhausted_ = false;
  SplitMix64 rng_;  // past the search tree's depth limit
};

}  // namespace cj::explore
