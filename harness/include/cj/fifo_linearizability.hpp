// Is a concurrent history of a bounded blocking FIFO queue linearizable? The queue is a
// sequential specification for the generic checker (cj/linearizability.hpp); the checks here also
// name a problem directly (a value dequeued twice) and give the sentence for a witness. Compiled
// once, into the harness library (src/checkers/fifo_linearizability.cpp).
//
// The history must give every element a distinct value, so that a dequeue names the enqueue it
// matches. A violation comes with a smallest sub-history that still shows it and one sentence.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cj/history.hpp"

namespace cj::fifo {

/// Operation::method values for a queue history.
enum Method : int { kEnqueue = 0, kDequeue = 1, kSize = 2 };

struct Violation {
  std::string reason;              // one sentence a learner understands
  std::vector<Operation> witness;  // the operations involved, in call order
};

/// True when some order of `ops` that respects real time (a.ret < b.call puts a first) is a run
/// of a bounded FIFO queue of `capacity`. Pending operations may take effect or not.
bool linearizable(const std::vector<Operation>& ops, int capacity, std::size_t* nodes = nullptr);

/// Shrinks a history that is not linearizable to a small one that still is not.
std::vector<Operation> minimise(const std::vector<Operation>& ops, int capacity);

/// One sentence on what a minimised witness shows.
std::string explain(const std::vector<Operation>& w, int capacity);

/// Checks a complete or cut-off history; nullopt when it is linearizable.
std::optional<Violation> check(const std::vector<Operation>& ops, int capacity);

/// The witness, one operation a line in call order (see lin::format).
std::string format(const std::vector<Operation>& w,
                   const std::function<std::string(int thread)>& who);

}  // namespace cj::fifo
