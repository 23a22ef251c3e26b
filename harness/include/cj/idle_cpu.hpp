// CPU time of the threads that should be idle: a thread blocked in a wait uses next to none,
// one that polls (yields or spins in a loop until there is work) uses a share of a core. Used
// only on real time (in explore one thread runs at a time and the clock is virtual).
#pragma once

#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "cj/problem.hpp"

namespace cj {

/// How many lock, trylock, yield and clock calls the calling thread made outside explore's model
/// (counted by the interposed functions, cheap enough for every call). A thread blocked in a wait
/// makes none; a polling loop makes thousands even when a loaded machine gives it little CPU.
const std::atomic<std::uint64_t>& sync_calls_here() noexcept;

/// The CPU clocks of a fixed set of threads, each enrolled by the thread itself.
class ThreadCpuMeter {
 public:
  explicit ThreadCpuMeter(int threads)
      : clocks_(std::make_unique<clockid_t[]>(threads)),
        calls_(std::make_unique<const std::atomic<std::uint64_t>*[]>(threads)),
        enrolled_(std::make_unique<std::atomic<bool>[]>(threads)),
        threads_(threads) {
    for (int i = 0; i < threads; ++i) enrolled_[i].store(false, std::memory_order_relaxed);
  }

  /// Called by thread `index` itself, before the windows it should be measured in.
  void enrol(int index) {
    clockid_t id;
    if (pthread_getcpuclockid(pthread_self(), &id) != 0) return;
    clocks_[index] = id;
    calls_[index] = &sync_calls_here();
    enrolled_[index].store(true, std::memory_order_release);
  }

  /// One reading of every enrolled thread's CPU time (-1 for a thread not enrolled yet) and calls.
  struct Reading {
    std::int64_t wall_ns = 0;
    std::unique_ptr<std::int64_t[]> cpu_ns;
    std::unique_ptr<std::uint64_t[]> calls;
  };
  Reading read() const {
    Reading r;
    r.cpu_ns = std::make_unique<std::int64_t[]>(threads_);
    r.calls = std::make_unique<std::uint64_t[]>(threads_);
    for (int i = 0; i < threads_; ++i) {
      timespec ts{};
      const bool ok =
          enrolled_[i].load(std::memory_order_acquire) && clock_gettime(clocks_[i], &ts) == 0;
      r.cpu_ns[i] = ok ? ts.tv_sec * 1000000000LL + ts.tv_nsec : -1;
      r.calls[i] = ok ? calls_[i]->load(std::memory_order_relaxed) : 0;
    }
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    r.wall_ns = now.tv_sec * 1000000000LL + now.tv_nsec;
    return r;
  }

  /// CPU nanoseconds the threads enrolled at `from` used until `to`, summed.
  std::int64_t used_ns(const Reading& from, const Reading& to) const {
    std::int64_t sum = 0;
    for (int i = 0; i < threads_; ++i)
      if (from.cpu_ns[i] >= 0 && to.cpu_ns[i] >= from.cpu_ns[i])
        sum += to.cpu_ns[i] - from.cpu_ns[i];
    return sum;
  }
  /// Calls they made meanwhile, summed.
  std::uint64_t calls_made(const Reading& from, const Reading& to) const {
    std::uint64_t sum = 0;
    for (int i = 0; i < threads_; ++i)
      if (from.cpu_ns[i] >= 0 && to.calls[i] >= from.calls[i]) sum += to.calls[i] - from.calls[i];
    return sum;
  }

 private:
  std::unique_ptr<clockid_t[]> clocks_;  // clocks_[i], calls_[i]: written by thread i before
  std::unique_ptr<const std::atomic<std::uint64_t>*[]> calls_;  // enrolled_[i]
  std::unique_ptr<std::atomic<bool>[]> enrolled_;
  int threads_;
};

/// One window in which the measured threads had nothing to do, and what they used meanwhile.
struct IdleWindow {
  std::int64_t wall_ns = 0;
  std::int64_t cpu_ns = 0;
  std::uint64_t calls = 0;  // sync_calls_here() counts, summed over the threads
  int waits = 1;            // separate waits in it (threads, or calls that had to wait)
};

/// The calling thread's own CPU time so far.
inline std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/// A wait that blocks makes a handful of lock and clock calls (a timed wait that wakes up and looks
/// again: a few more); a polling loop makes this many in a few microseconds of CPU.
constexpr std::uint64_t kCallsPerWait = 50;

/// Judges a window in which the measured threads only waited: busy when they made more than
/// kCallsPerWait calls per wait, or used more than `share` of its wall time and at least
/// `at_least_ns` of CPU (a spin on an atomic makes no calls at all). Blocked threads use
/// microseconds however loaded the machine is, so the defaults (a twentieth, and 2 ms) are
/// generous, while a thread polling in a loop uses that much even with a small share of a busy
/// core; a window of pure idleness (nobody wakes at all) can use a tighter bound. A failure is a
/// time_limit with the busy_wait finding: `who` names the threads ("the idle referees"), `during`
/// the window
/// ("with nothing to do").
inline Check check_idle(const IdleWindow& w, const std::string& who, const std::string& during,
                        const std::string& what_to_do, double share = 1.0 / 20,
                        std::int64_t at_least_ns = 2000000) {
  const bool burned = w.wall_ns > 0 &&
                      static_cast<double>(w.cpu_ns) > share * static_cast<double>(w.wall_ns) &&
                      w.cpu_ns >= at_least_ns;
  const bool looped = w.calls > kCallsPerWait * static_cast<std::uint64_t>(std::max(1, w.waits));
  if (!burned && !looped) return std::nullopt;
  const auto ms = [](std::int64_t ns) { return std::to_string((ns + 500000) / 1000000); };
  Failure f;
  f.verdict = Verdict::time_limit;
  f.finding = "busy_wait";
  f.reason = who + " used " + ms(w.cpu_ns) + " ms of CPU time and made " + std::to_string(w.calls) +
             " lock, yield or clock calls during " + ms(w.wall_ns) + " ms " + during +
             ": they poll in a loop instead of blocking; " + what_to_do;
  return f;
}

}  // namespace cj
