// What a trial's callbacks did, who did it, in one order: for problems whose checker replays the
// story (who boarded which boat, who was inside when someone entered) rather than compare text.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <vector>

#include "cj/problem.hpp"

namespace cj {

/// One callback call: which actor made it and what it was (each driver numbers its own kinds).
struct Event {
  int actor = 0;
  int what = 0;
};

/// A fixed-capacity log that callbacks append to from any thread. The order of entries is the
/// order of a relaxed fetch_add on one counter: a total order that respects every happens-before
/// edge the solution creates and adds none of its own, so the log neither hides a data race from
/// ThreadSanitizer nor orders the solution's threads. Kinds are also counted apart, in atomics
/// that stuck_state() may read while threads still run.
class EventLog {
 public:
  static constexpr int kKinds = 8;  // `what` is in [0, kKinds)

  explicit EventLog(std::size_t capacity) : slots_(capacity) {
    for (auto& c : counts_) c.store(0, std::memory_order_relaxed);
  }

  void record(int actor, int what) {
    counts_[what].fetch_add(1, std::memory_order_relaxed);
    const std::size_t i = next_.fetch_add(1, std::memory_order_relaxed);
    if (i < slots_.size()) slots_[i] = Event{actor, what};
    note_progress();
  }

  /// Entries kept (capacity at most); read them only after every recording thread returned.
  std::size_t size() const {
    const std::size_t n = next_.load(std::memory_order_relaxed);
    return n < slots_.size() ? n : slots_.size();
  }
  const Event& operator[](std::size_t i) const { return slots_[i]; }
  /// True when more was recorded than fits (the solution called callbacks too often).
  bool overflowed() const { return next_.load(std::memory_order_relaxed) > slots_.size(); }

  /// How often `what` was recorded so far; safe while threads still record (stall reports).
  int count(int what) const { return counts_[what].load(std::memory_order_relaxed); }

 private:
  std::vector<Event> slots_;
  std::atomic<std::size_t> next_{0};
  std::array<std::atomic<int>, kKinds> counts_;
};

}  // namespace cj
