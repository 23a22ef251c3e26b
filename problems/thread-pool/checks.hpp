// Thread pool, the part of the driver that does not need the learner's class: the cases, what
// each submit() and task recorded, and the check of those records and of the futures once the
// trial is over. Compiled once (checks.cpp), not with every submission. What the tasks run on the
// pool's threads (their value, name and whether they throw) stays inline here, compiled with the
// submission.
#pragma once

#include <atomic>
#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include "cj/problem.hpp"

namespace cj::thread_pool {

struct PoolCase {
  int workers;
  int submitters;  // actor 0 submits, then shuts the pool down, then submits once more
  int tasks_each;

  std::string input() const;
  /// Task j of submitter a returns this (or throws, for j % 3 == 2).
  static int value(int a, int j) { return (a + 1) * 100 + j + 1; }
  static bool throws(int j) { return j % 3 == 2; }
  static std::string name(int a, int j) { return "task " + std::to_string(value(a, j)); }
  /// Where task j of submitter a keeps its Slot (j == tasks_each: the submit after shutdown()).
  std::size_t slot(int a, int j) const {
    return static_cast<std::size_t>(a * (tasks_each + 1) + j);
  }
};

const std::vector<PoolCase>& pool_cases();

/// A submitter's phase, for stuck reports.
inline constexpr int kSubmitting = 0, kInShutdown = 1, kDone = 2;

struct Slot {
  std::atomic<int> runs{0};
  std::atomic<int> finished{0};  // the task body returned or threw
  bool accepted = false;         // submit() returned a future (written by the submitter)
  std::string error;             // submit() threw something other than runtime_error
  std::uint64_t returned = 0;    // clock when submit() returned or threw
  int done_by_shutdown = 0;      // finished, as seen right after shutdown() returned
};

/// The check once every submitter returned: the submit after shutdown() threw
/// std::runtime_error and its task never ran; every other submit() either threw only after
/// shutdown() was called (and its task never ran) or its task ran once before shutdown()
/// returned and its future holds the task's value or exception. `shutdown_called`: the clock
/// when shutdown() was called.
Check check_pool(const PoolCase& c, const std::vector<Slot>& slots,
                 std::vector<std::vector<std::future<int>>>& futures,
                 std::uint64_t shutdown_called);

/// For a stall: which submitter is inside submit() or shutdown().
std::string stuck_submitters(const PoolCase& c, const std::atomic<int>* phase);

}  // namespace cj::thread_pool
