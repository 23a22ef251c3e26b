// Noise mode (IBM ConTest, rr's chaos mode): random yields and short delays at every interposed
// synchronisation point of the real scheduler, to widen race windows during a stress run.
#pragma once

#include <atomic>

namespace cj::explore {

extern std::atomic<bool> g_noise;

void make_noise() noexcept;

/// Called by every interposed function for an uncontrolled thread.
inline void noise_point() noexcept {
  if (__builtin_expect(g_noise.load(std::memory_order_relaxed), 0)) make_noise();
}

}  // namespace cj::explore
