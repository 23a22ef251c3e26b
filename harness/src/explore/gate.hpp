// A binary gate on the raw futex system call: one thread waits, any thread opens it. The
// explorer's baton: a controlled thread only runs while its gate is open. Built on the real
// futex call, never on an interposed function.
#pragma once

#include <linux/futex.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

#include "explore/real_functions.hpp"

namespace cj::explore {

class Gate {
 public:
  /// Opens the gate; wakes the waiter if it sleeps. An open gate stays open until consumed.
  void post() noexcept {
    if (state_.exchange(kOpen, std::memory_order_release) == kSleeping)
      real_futex(&state_, FUTEX_WAKE_PRIVATE, 1, nullptr);
  }

  /// Waits until the gate is open, then closes it again.
  void wait() noexcept { (void)wait_ns(-1); }

  /// As wait(), giving up after about ns nanoseconds; true when the gate was open.
  bool wait_ns(std::int64_t ns) noexcept {
    for (int i = 0; i < kSpins; ++i) {
      if (try_consume()) return true;
      __builtin_ia32_pause();
    }
    for (;;) {
      int v = state_.load(std::memory_order_acquire);
      if (v == kOpen) {
        if (try_consume()) return true;
        continue;
      }
      if (v == kClosed && !state_.compare_exchange_strong(v, kSleeping, std::memory_order_acquire))
        continue;
      struct timespec ts {};
      ts.tv_sec = ns / 1000000000;
      ts.tv_nsec = ns % 1000000000;
      long rc = real_futex(&state_, FUTEX_WAIT_PRIVATE, kSleeping, ns < 0 ? nullptr : &ts);
      if (rc != 0 && ns >= 0 && errno == ETIMEDOUT) {
        if (try_consume()) return true;
        int s = kSleeping;
        state_.compare_exchange_strong(s, kClosed, std::memory_order_relaxed);
        return try_consume();
      }
    }
  }

 private:
  bool try_consume() noexcept {
    int open = kOpen;
    return state_.compare_exchange_strong(open, kClosed, std::memory_order_acquire);
  }

  static constexpr int kClosed = 0, kOpen = 1, kSleeping = 2;
  static constexpr int kSpins = 200;
  std::atomic<int> state_{kClosed};
};

}  // namespace cj::explore
