// The busy-wait watchdog. A controlled thread that spins on a plain or atomic load reaches no
// scheduling point, so the explorer never gets control back from it. The watchdog, on the
// controller's thread, notices an execution that made no step for a while although the executor
// burnt CPU (or for long, whatever the CPU), and releases the execution to real threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cj::explore {

class Scheduler;

class Watchdog {
 public:
  explicit Watchdog(Scheduler& scheduler) : scheduler_(scheduler) {}
  /// Looks at the executor; called every few milliseconds while it explores.
  void tick();
  /// True once the watchdog released an execution.
  bool fired() const noexcept { return fired_; }
  /// Seconds since it fired.
  double since_fired_s() const;

 private:
  using Clock = std::chrono::steady_clock;
  Scheduler& scheduler_;
  std::uint64_t last_activity_ = ~std::uint64_t{0};
  Clock::time_point since_ = Clock::now();
  double cpu_at_ = 0;
  bool fired_ = false;
  Clock::time_point fired_at_{};
};

}  // namespace cj::explore
