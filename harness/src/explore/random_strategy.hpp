#pragma once

#include "explore/strategy.hpp"

namespace cj::explore {

class RandomStrategy final : public Strategy {
 public:
  std::string name() const override { return "random"; }
  void begin(std::uint64_t seed) override;
  int pick(const std::vector<int>& runnable, int current, bool yielded) override;

 private:
  SplitMix64 rng_;
};

}  // namespace cj::explore
