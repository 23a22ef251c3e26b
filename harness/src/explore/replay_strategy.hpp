// Replays one execution's choices (Scheduler::choices()), so that the failing schedule runs once
// more, whatever strategy found it (a DFS search has moved on by then).
#pragma once

#include <algorithm>
#include <utility>

#include "explore/strategy.hpp"

namespace cj::explore {

class ReplayStrategy final : public Strategy {
 public:
  ReplayStrategy(std::string name, std::vector<Choice> choices)
      : name_(std::move(name)), choices_(std::move(choices)) {}
  std::string name() const override { return name_; }
  void begin(std::uint64_t) override {
    next_ = 0;
    diverged_ = false;
  }
  Pick pick(const Options& o) override {
    if (next_ < choices_.size() && choices_[next_].kind != Choice::Kind::index) {
      const Choice& c = choices_[next_];
      const std::vector<int>& from = c.kind == Choice::Kind::run               ? o.runnable
                                     : c.kind == Choice::Kind::spurious_wakeup ? o.spurious
                                                                               : o.early;
      if (std::find(from.begin(), from.end(), c.value) != from.end()) {
        ++next_;
        return {c.value, static_cast<Pick::How>(c.kind)};
      }
    }
    diverged_ = true;
    return {o.runnable.front(), Pick::How::run};
  }
  std::size_t pick_index(std::size_t n) override {
    if (next_ < choices_.size() && choices_[next_].kind == Choice::Kind::index &&
        static_cast<std::size_t>(choices_[next_].value) < n)
      return static_cast<std::size_t>(choices_[next_++].value);
    diverged_ = true;
    return 0;
  }
  /// The execution asked for a choice the recorded one did not make.
  bool diverged() const { return diverged_; }
  /// Every recorded choice was made (an execution that ended early did not replay them all).
  bool complete() const { return next_ == choices_.size(); }

 private:
  std::string name_;
  std::vector<Choice> choices_;
  std::size_t next_ = 0;
  bool diverged_ = false;
};

}  // namespace cj::explore
