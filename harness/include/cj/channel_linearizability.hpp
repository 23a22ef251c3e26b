// Is a concurrent history of a Go-style channel linearizable? The sequential specification:
// - capacity c > 0: a FIFO buffer of at most c values. send(v) -> true appends (only while open
//   and not full); receive() -> v removes the oldest; receive() -> closed only once closed and
//   empty; send -> false only once closed.
// - capacity 0 (rendezvous): a receive takes a value straight from a sender whose send has not yet
//   taken effect, and that send may only take effect (return true) after it; so a send returns
//   only once a receiver has its value. Nothing is taken once closed.
// src/checkers/channel_linearizability.cpp holds that specification for cj/linearizability.hpp's
// search, the sentences that name what a failing history broke, and the stall explanation: the
// checker is compiled once, into the harness library, not into every submission.
//
// Every value sent must be distinct. A violation comes with a small sub-history and one sentence.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cj/history.hpp"

namespace cj::channel {

/// Operation::method values. send's result is 1 (true) or 0; receive's is the value or kClosed.
enum Method : int { kSend = 0, kReceive = 1, kClose = 2 };
inline constexpr long long kClosed = -1;

struct Violation {
  std::string reason;              // one sentence a learner understands
  std::vector<Operation> witness;  // the operations involved, in call order
};

/// True when some order of `ops` respecting real time is a run of the channel. Pending
/// operations may take effect or not.
bool linearizable(const std::vector<Operation>& ops, int capacity);

/// One sentence on what a minimised witness shows.
std::string explain(const std::vector<Operation>& w, int capacity);

/// Checks a complete history (every call returned); nullopt when it is linearizable.
std::optional<Violation> check(const std::vector<Operation>& ops, int capacity);

/// For a stalled run: receives or sends still waiting although close() has returned and nothing
/// is left for them. nullopt when the snapshot shows no such waiter.
std::optional<Violation> stuck_after_close(const std::vector<Operation>& snapshot);

/// The witness, one call a line in call order, [call, return] renumbered 1, 2, ...
std::string format(const std::vector<Operation>& w,
                   const std::function<std::string(int thread)>& who);

}  // namespace cj::channel
