#include "explore/watchdog.hpp"

#include "explore/scheduler.hpp"

namespace cj::explore {
namespace {
/// No step for this long while the executor used at least kBusyCpuS of CPU: a spin.
constexpr double kStillS = 0.2;
constexpr double kBusyCpuS = 0.1;
/// No step for this long, whatever the CPU: the running thread is stuck outside the model.
constexpr double kStuckS = 3.0;
}  // namespace

void Watchdog::tick() {
  if (fired_) return;
  const std::uint64_t activity = scheduler_.activity();
  const auto now = Clock::now();
  if (activity != last_activity_ || !scheduler_.executing()) {
    last_activity_ = activity;
    since_ = now;
    cpu_at_ = scheduler_.executor_cpu_s();
    return;
  }
  const double still = std::chrono::duration<double>(now - since_).count();
  if ((still > kStillS && scheduler_.executor_cpu_s() - cpu_at_ > kBusyCpuS) || still > kStuckS) {
    if (!scheduler_.release().empty()) {
      fired_ = true;
      fired_at_ = now;
    }
  }
}

double Watchdog::since_fired_s() const {
  return fired_ ? std::chrono::duration<double>(Clock::now() - fired_at_).count() : 0;
}

}  // namespace cj::explore
