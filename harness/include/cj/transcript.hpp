// What a trial's callbacks printed, in the order they printed it.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cj/problem.hpp"

namespace cj {

/// A fixed-capacity log that callbacks append to from any thread. The order of entries is the
/// order of a relaxed fetch_add on one counter: a total order consistent with each thread's own
/// order, and no happens-before edge between threads, so the recorder neither hides a data race
/// from ThreadSanitizer nor orders the solution's threads for it.
class Transcript {
 public:
  explicit Transcript(std::size_t capacity) : slots_(capacity) {}

  void print(std::string_view token) {
    std::size_t i = next_.fetch_add(1, std::memory_order_relaxed);
    if (i < slots_.size()) slots_[i].assign(token);
    note_progress();
  }

  /// Entries recorded (capacity at most); stable once every writer has returned.
  std::size_t size() const;
  /// Prints so far, overflow included. Safe to read while threads still print (stall reports).
  std::size_t printed() const { return next_.load(std::memory_order_relaxed); }
  /// True when more was printed than fits (the solution printed too much).
  bool overflowed() const { return next_.load(std::memory_order_relaxed) > slots_.size(); }
  const std::string& operator[](std::size_t i) const { return slots_[i]; }

  /// The tokens concatenated, as LeetCode shows output.
  std::string joined() const;

  /// Compares with the expected tokens; the failure names the first differing print.
  Check expect(const std::vector<std::string>& expected) const;

 private:
  std::vector<std::string> slots_;
  std::atomic<std::size_t> next_{0};
};

}  // namespace cj
