// Replays one execution's choices (Scheduler::picks()), so that the failing schedule runs once
// more, whatever strategy found it (a DFS search has moved on by then).
#pragma once

#include <algorithm>
#include <utility>

#include "explore/strategy.hpp"

namespace cj::explore {

class ReplayStrategy final : public Strategy {
 public:
  ReplayStrategy(std::string name, std::vector<int> picks, bool eager_time)
      : name_(std::move(name)), picks_(std::move(picks)), eager_time_(eager_time) {}
  std::string name() const override { return name_; }
  void begin(std::uint64_t) override {
    next_ = 0;
    diverged_ = false;
  }
  int pick(const std::vector<int>& runnable, int, bool) override {
    if (next_ < picks_.size() &&
        std::find(runnable.begin(), runnable.end(), picks_[next_]) != runnable.end())
      return picks_[next_++];
    diverged_ = true;
    return runnable.front();
  }
  bool eager_time() const override { return eager_time_; }
  /// The execution asked for a choice the recorded one did not make.
  bool diverged() const { return diverged_; }

 private:
  std::string name_;
  std::vector<int> picks_;
  bool eager_time_;
  std::size_t next_ = 0;
  bool diverged_ = false;
};

}  // namespace cj::explore
