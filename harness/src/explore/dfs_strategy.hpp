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
///
/// Sleep sets (Godefroid), in an unbounded search only (bound < 0): once the subtree of running
/// thread A at a decision is explored, A sleeps in the subtrees of its later siblings until a
/// step dependent with A's step (what it touched, Options::step) runs, so schedules that only
/// reorder independent steps are tried once. An execution whose every runnable thread sleeps is
/// redundant and stops branching. Nothing sleeps where fairness is active
/// (Options::fairness_active); spurious wakeups and early timeouts never sleep. With a preemption
/// bound they are off: the reordering they skip may need fewer preemptions than the one explored,
/// so plain sleep sets lose schedules within the bound (tests/unit/dfs_strategy_test.cpp,
/// DfsSleepSets.BoundedSearchWouldLoseTraces, shows such a loss).
class DfsStrategy final : public Strategy {
 public:
  /// `bound` preemptions at most; < 0: unbounded, with sleep sets. `sleep_sets` forces them on
  /// or off (tests).
  explicit DfsStrategy(int bound) : DfsStrategy(bound, bound < 0) {}
  DfsStrategy(int bound, bool sleep_sets) : bound_(bound), sleep_sets_(sleep_sets) {}
  std::string name() const override { return "dfs"; }
  void begin(std::uint64_t seed) override;
  Pick pick(const Options& options) override;
  std::size_t pick_index(std::size_t n) override;
  void end(std::uint64_t steps) override;
  bool exhausted() const override { return exhausted_; }
  int preemption_bound() const override { return bound_; }
  bool uses_steps() const override { return sleep_sets_; }
  /// Executions that stopped branching because they ran past the search's depth limit (their
  /// remaining decisions followed one schedule): the search is then not exhaustive.
  bool truncated() const noexcept { return truncated_; }

 private:
  struct Option {
    Pick pick;
    bool preempts = false;
    std::vector<Access> step;  // what its step touched, once explored (union over executions)
  };
  struct Node {
    std::vector<Option> options;  // in the order tried: no preemption first
    std::size_t chosen = 0;
  };
  struct Sleeper {
    int thread;
    std::vector<Access> step;
  };
  /// After a step that touched `step`: the threads still asleep at this decision.
  void wake_dependent(const std::vector<Access>& step, bool fairness_active);
  bool asleep(int thread) const;
  /// The options of a new decision, in the order to try them.
  void options_for(const Options& o, std::vector<Option>& out) const;
  const Option& follow(std::vector<Option>& fresh);

  int bound_;
  bool sleep_sets_;
  std::vector<Node> path_;
  std::size_t depth_ = 0;
  int preemptions_ = 0;
  bool exhausted_ = false;
  bool truncated_ = false;
  bool redundant_ = false;  // this execution reached a decision where every thread slept
  std::vector<Option> scratch_;
  std::vector<Sleeper> sleep_;     // asleep at the current decision
  std::vector<Sleeper> pending_;   // asleep after the step chosen last, before its own wakes
  std::ptrdiff_t last_node_ = -1;  // index of the decision whose chosen step runs now, or -1
};

}  // namespace cj::explore
