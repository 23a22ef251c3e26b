// Design Bounded Blocking Queue, the part of the driver that does not need the learner's class:
// the cases and their input text, the check of a recorded history against a bounded FIFO queue
// and the stall text. Compiled once (checks.cpp), not with every submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/problem.hpp"

namespace cj::bounded_blocking_queue {

struct QueueCase {
  int capacity;
  int producers;
  int enqueues_each;          // per producer
  std::vector<int> dequeues;  // per consumer; sums to producers * enqueues_each
  bool consumers_call_size;   // size() after each dequeue
  int watcher_sizes;          // an extra actor calling size() this often; 0 for none

  int actors() const {
    return producers + static_cast<int>(dequeues.size()) + (watcher_sizes ? 1 : 0);
  }
  bool is_producer(int a) const { return a < producers; }
  bool is_consumer(int a) const {
    return a >= producers && a < producers + static_cast<int>(dequeues.size());
  }
  /// Element j (0-based) of producer p: unique in a trial, and readable ("203": producer 2's 3rd).
  static int element(int p, int j) { return (p + 1) * 100 + j + 1; }

  std::string input() const;
};

const std::vector<QueueCase>& queue_cases();

/// nullopt when the recorded calls are linearizable against a FIFO queue of c's capacity.
Check check_history(const QueueCase& c, const std::vector<Operation>& ops);

/// For a stall: which thread waits in which call.
std::string stuck_calls(const QueueCase& c, const HistoryRecorder& history);

/// "enqueue()", "dequeue()" or "size()".
std::string method_name(const QueueCase& c, int actor);

}  // namespace cj::bounded_blocking_queue
