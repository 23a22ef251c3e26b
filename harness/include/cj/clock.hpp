// The time a trial's threads see. Drivers read it on the actors' threads (never in check(),
// which runs outside the trial), so that explore's virtual time applies to the readings as it
// does to the solution's own steady_clock, sleeps and timed waits.
#pragma once

#include <chrono>
#include <cstdint>

namespace cj {

/// True on a thread that explore's controlled scheduler runs: there steady_clock, sleeps and
/// timed waits are virtual (a sleep costs no real time, and time only moves on when every thread
/// waits or a step is taken), so a check may rest on exact delays. False in every other mode.
bool time_is_virtual() noexcept;

/// steady_clock::now() in nanoseconds: the solution's clock, virtual on a controlled thread.
inline std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// A duration in the units a driver works in, picked by whether time is virtual: long delays
/// cost nothing on virtual time, so a driver can test with realistic ones there and short ones on
/// real time.
inline std::chrono::microseconds scaled_us(long long virtual_us, long long real_us) {
  return std::chrono::microseconds(time_is_virtual() ? virtual_us : real_us);
}

}  // namespace cj
