// CPU time of the threads that should be idle: a thread blocked in a wait uses next to none,
// one that polls (yields or spins in a loop until there is work) uses a share of a core. Used
// only on real time (in explore one thread runs at a time and the clock is virtual).
#pragma once

#include <pthread.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "cj/problem.hpp"

namespace cj {

/// The CPU clocks of a fixed set of threads, each enrolled by the thread itself.
class ThreadCpuMeter {
 public:
  explicit ThreadCpuMeter(int threads)
      : clocks_(std::make_unique<clockid_t[]>(threads)),
        enrolled_(std::make_unique<std::atomic<bool>[]>(threads)),
        threads_(threads) {
    for (int i = 0; i < threads; ++i) enrolled_[i].store(false, std::memory_order_relaxed);
  }

  /// Called by thread `index` itself, before the windows it should be measured in.
  void enrol(int index) {
    clockid_t id;
    if (pthread_getcpuclockid(pthread_self(), &id) != 0) return;
    clocks_[index] = id;
    enrolled_[index].store(true, std::memory_order_release);
  }

  /// One reading of every enrolled thread's CPU time; -1 for a thread not enrolled yet.
  struct Reading {
    std::int64_t wall_ns = 0;
    std::unique_ptr<std::int64_t[]> cpu_ns;
  };
  Reading read() const {
    Reading r;
    r.cpu_ns = std::make_unique<std::int64_t[]>(threads_);
    for (int i = 0; i < threads_; ++i) {
      timespec ts{};
      const bool ok =
          enrolled_[i].load(std::memory_order_acquire) && clock_gettime(clocks_[i], &ts) == 0;
      r.cpu_ns[i] = ok ? ts.tv_sec * 1000000000LL + ts.tv_nsec : -1;
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

 private:
  std::unique_ptr<clockid_t[]> clocks_;  // clocks_[i]: written by thread i before enrolled_[i]
  std::unique_ptr<std::atomic<bool>[]> enrolled_;
  int threads_;
};

/// One window in which the measured threads had nothing to do, and what they used meanwhile.
struct IdleWindow {
  std::int64_t wall_ns = 0;
  std::int64_t cpu_ns = 0;
};

/// The calling thread's own CPU time so far.
inline std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/// Judges a window in which the measured threads only waited: busy when they used more than
/// `share` of its wall time and at least `at_least_ns` of CPU. Blocked threads use microseconds
/// however loaded the machine is, so the defaults (a twentieth, and 2 ms) are generous, while a
/// thread polling in a loop uses that much even with a small share of a busy core; a window of
/// pure idleness (nobody wakes at all) can use a tighter bound. A failure is a time_limit with
/// the busy_wait finding: `who` names the threads ("the idle referees"), `during` the window
/// ("with nothing to do").
inline Check check_idle(const IdleWindow& w, const std::string& who, const std::string& during,
                        const std::string& what_to_do, double share = 1.0 / 20,
                        std::int64_t at_least_ns = 2000000) {
  if (w.wall_ns <= 0 || static_cast<double>(w.cpu_ns) <= share * static_cast<double>(w.wall_ns) ||
      w.cpu_ns < at_least_ns)
    return std::nullopt;
  const auto ms = [](std::int64_t ns) { return std::to_string((ns + 500000) / 1000000); };
  Failure f;
  f.verdict = "time_limit";
  f.finding = "busy_wait";
  f.reason = who + " used " + ms(w.cpu_ns) + " ms of CPU time during " + ms(w.wall_ns) + " ms " +
             during + ": they poll in a loop instead of blocking; " + what_to_do;
  return f;
}

}  // namespace cj
