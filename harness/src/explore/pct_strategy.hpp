#pragma once

#include <vector>

#include "explore/strategy.hpp"

namespace cj::explore {

/// PCT (Burckhardt et al., ASPLOS 2010): random thread priorities; the highest-priority runnable
/// thread runs; at d-1 random steps the running thread drops below every other. Finds a bug of
/// depth d with probability at least 1/(n k^(d-1)). The depth of each execution is drawn from
/// 1..3 by its seed. A thread that yields, or that keeps running while others wait for long,
/// drops too, so that spin loops cannot starve the thread they wait for.
class PctStrategy final : public Strategy {
 public:
  std::string name() const override { return "pct"; }
  void begin(std::uint64_t seed) override;
  Pick pick(const Options& options) override;
  std::size_t pick_index(std::size_t n) override { return rng_.below(n); }

 private:
  int pick_thread(const std::vector<int>& runnable, int current, bool yielded);
  long long priority(int id);
  void demote(int id) {
    const auto i = static_cast<std::size_t>(id);
    if (i >= priorities_.size()) priorities_.resize(i + 1, kUnset);
    priorities_[i] = low_--;
  }
  static constexpr long long kUnset = -(1LL << 62);

  SplitMix64 rng_;
  std::vector<long long> priorities_;         // by thread id; kUnset until first asked
  std::vector<std::uint64_t> change_points_;  // ascending step numbers
  std::size_t next_change_ = 0;
  std::uint64_t step_ = 0;
  long long low_ = 0;  // next priority for a demoted thread (decreasing)
  int last_ = -1;
  int spurious_left_ = 0;
  bool eager_ = false;
  int run_length_ = 0;
};

}  // namespace cj::explore
