// Pipeline with Back-Pressure, the part of the driver that does not need the learner's class:
// the cases, what the callbacks count, and the check of those counts once run() returned.
// Compiled once (checks.cpp).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "cj/problem.hpp"

namespace cj::pipeline {

struct PipelineCase {
  int workers;
  int capacity;
  int items;
  int poison;  // the item whose work() throws, or 0 for none

  /// What the reader, both channels, every worker and the emitting thread can hold at once.
  int bound() const { return 2 * capacity + workers + 2; }

  std::string input() const;
};

const std::vector<PipelineCase>& pipeline_cases();

inline int result_of(int item) { return item * 10 + 7; }

/// What the callbacks saw. Every counter is a relaxed atomic.
struct PipelineLog {
  explicit PipelineLog(int items)
      : worked(std::make_unique<std::atomic<int>[]>(items + 1)),
        busy(std::make_unique<std::atomic<int>[]>(items + 1)),
        emitted(std::make_unique<std::atomic<int>[]>(items + 1)) {
    for (int i = 0; i <= items; ++i) {
      worked[i].store(0, std::memory_order_relaxed);
      busy[i].store(0, std::memory_order_relaxed);
      emitted[i].store(0, std::memory_order_relaxed);
    }
  }
  std::atomic<int> next_calls{0};     // next() calls, the final nullopt included
  std::atomic<int> taken{0};          // items next() handed out
  std::atomic<int> emits{0};          // emit() calls
  std::atomic<int> max_in_flight{0};  // most items taken and not yet emitted, seen at next()
  std::atomic<int> overlap_item{0};   // an item two threads worked on at once
  std::atomic<int> bad_emit{0};       // an emitted value that is no item's result, or poisoned
  std::unique_ptr<std::atomic<int>[]> worked, busy, emitted;  // per item
};

/// How run() ended: whether it threw, and what.
struct RunEnd {
  bool threw = false;
  std::string error;
};

/// The checks once run() returned: the in-flight bound, no item worked on twice at once, only
/// results emitted, and exactly-once processing (or, with a poisoned item, the error out of run()
/// and nothing twice).
Check check_log(const PipelineCase& c, const PipelineLog& log, const RunEnd& end);

}  // namespace cj::pipeline
