#pragma once

#include "explore/strategy.hpp"

namespace cj::explore {

/// Random walk: each decision picks uniformly among the runnable threads. On small programs it
/// is as good as anything cleverer, and it costs nothing. Each execution also draws 0-2
/// spurious wakeups (taken at random steps) and, half of the time, "eager time": a sleep or a
/// timed wait may end at any step, as for a thread that was delayed.
class RandomStrategy final : public Strategy {
 public:
  std::string name() const override { return "random"; }
  void begin(std::uint64_t seed) override;
  Pick pick(const Options& options) override;
  std::size_t pick_index(std::size_t n) override { return rng_.below(n); }

 private:
  SplitMix64 rng_;
  int spurious_left_ = 0;
  bool eager_ = false;
  std::vector<int> candidates_;
};

/// The part of a random or PCT decision that wakes a blocked thread (a spurious wakeup, an
/// early timeout), or thread -1 when none is taken.
Pick random_wakeup(const Options& options, SplitMix64& rng, int& spurious_left, bool eager);

}  // namespace cj::explore
