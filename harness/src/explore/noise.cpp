#include "explore/noise.hpp"

#include <time.h>

#include <cstdint>

#include "explore/real_functions.hpp"
#include "explore/strategy.hpp"

namespace cj::explore {

std::atomic<bool> g_noise{false};

namespace {
__thread std::uint64_t noise_state = 0;
}

void make_noise() noexcept {
  if (noise_state == 0)
    noise_state = reinterpret_cast<std::uintptr_t>(&noise_state) ^ 0x9e3779b97f4a7c15ULL;
  SplitMix64 rng{noise_state};
  const std::uint64_t r = rng.next();
  noise_state = rng.s;
  const unsigned roll = r & 1023;
  if (roll < 256) {
    real().sched_yield();
  } else if (roll < 320) {
    const unsigned n = (r >> 10) % 2000;
    for (unsigned i = 0; i < n; ++i) __builtin_ia32_pause();
  } else if (roll < 324) {
    timespec ts{0, static_cast<long>(20000 + (r >> 12) % 180000)};
    real().nanosleep(&ts, nullptr);
  }
}

}  // namespace cj::explore
