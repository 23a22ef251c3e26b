#pragma once

#include "explore/strategy.hpp"

namespace cj::explore {

/// Depth-first search over schedules with a preemption bound (CHESS): every schedule with at most
/// `bound` preemptions, one per execution, each execution following the previous one's choices
/// up to the last decision that still has an untried option. It branches over every kind of
/// choice: which thread runs, whether a blocked thread wakes without help (a spurious wakeup, a
/// timeout ending early: each counts as a preemption), and which waiter a signal wakes (free).
/// Needs executions that repeat the same choices given the same decisions (the explorer gives
/// every DFS execution one seed). Most concurrency bugs need at most 2-3 preemptions (SCTBench).
class DfsStrategy final : public Strategy {
 public:
  explicit DfsStrategy(int bound) : bound_(bound) {}
  std::string name() const override { return "dfs"; }
  void begin(std::uint64_t seed) override;
  Pick pick(const Options& options) override;
  std::size_t pick_index(std::size_t n) override;
  void end(std::uint64_t steps) override;
  bool exhausted() const override { return exhausted_; }
  int preemption_bound() const override { return bound_; }
  /// Executions that stopped branching because they ran past the search's depth limit (their
  /// remaining decisions followed one schedule): the search is then not exhaustive.
  bool truncated() const noexcept { return truncated_; }

 private:
  struct Option {
    Pick pick;
    bool preempts = false;
  };
  struct Node {
    std::vector<Option> options;  // in the order tried: no preemption first
    std::size_t chosen = 0;
  };
  /// The options of a new decision, in the order to try them.
  void options_for(const Options& o, std::vector<Option>& out) const;
  const Option& follow(std::vector<Option>& fresh);

  int bound_;
  std::vector<Node> path_;
  std::size_t depth_ = 0;
  int preemptions_ = 0;
  bool exhausted_ = false;
  bool truncated_ = false;
  std::vector<Option> scratch_;
};

}  // namespace cj::explore
