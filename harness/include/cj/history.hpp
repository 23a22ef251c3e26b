// A concurrent history: every operation's invocation and response, for linearizability checks.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "cj/problem.hpp"

namespace cj {

/// One operation of a history. call and ret are positions in one total order of events: an
/// operation whose response came before another's invocation has the smaller ret than that call.
struct Operation {
  static constexpr std::uint64_t kPending = UINT64_MAX;

  int thread = 0;  // the actor that called it
  int method = 0;  // what it called; each checker names its own methods
  long long arg = 0;
  long long arg2 = 0;    // a second argument, where a method takes two (put(key, value))
  long long result = 0;  // meaningful once returned
  std::uint64_t call = 0;
  std::uint64_t ret = kPending;  // kPending: invoked, never returned (a prefix of a history)

  bool pending() const { return ret == kPending; }
};

/// Records operations from many threads into per-thread logs. The event order is a relaxed
/// fetch_add on one counter: a total order that respects each thread's program order and every
/// happens-before edge the solution creates, while adding no edge of its own, so recording
/// neither orders the solution's threads nor hides its data races from ThreadSanitizer.
/// (The per-thread counts are published with release, read with acquire only by snapshot(): an
/// edge from a recording thread to the stall reporter, never between the solution's threads.)
class HistoryRecorder {
 public:
  /// ops_per_thread bounds what one thread records (begin() beyond it throws): the logs never
  /// reallocate, so snapshot() can read them while the threads run.
  HistoryRecorder(int threads, std::size_t ops_per_thread)
      : logs_(threads),
        begun_(std::make_unique<std::atomic<int>[]>(threads)),
        done_(std::make_unique<std::atomic<int>[]>(threads)),
        limit_(ops_per_thread) {
    for (auto& log : logs_) log.reserve(ops_per_thread);
    for (int t = 0; t < threads; ++t) {
      begun_[t].store(0, std::memory_order_relaxed);
      done_[t].store(0, std::memory_order_relaxed);
    }
  }

  /// Stamps an invocation by `thread` (called only from that thread); pass the result to end().
  std::size_t begin(int thread, int method, long long arg, long long arg2 = 0) {
    auto& log = logs_[thread];
    if (log.size() == limit_)
      throw std::logic_error("HistoryRecorder: more operations than reserved");
    Operation op;
    op.thread = thread;
    op.method = method;
    op.arg = arg;
    op.arg2 = arg2;
    op.call = clock_.fetch_add(1, std::memory_order_relaxed);
    log.push_back(op);
    begun_[thread].fetch_add(1, std::memory_order_release);
    return log.size() - 1;
  }

  /// Stamps the response of the operation begin() returned `slot` for.
  void end(int thread, std::size_t slot, long long result) {
    const std::uint64_t ret = clock_.fetch_add(1, std::memory_order_relaxed);
    Operation& op = logs_[thread][slot];
    op.result = result;
    op.ret = ret;
    done_[thread].fetch_add(1, std::memory_order_release);
    note_progress();
  }

  /// Every operation recorded, in call order; only after every recording thread has returned.
  std::vector<Operation> operations() const {
    std::vector<Operation> all;
    for (const auto& log : logs_) all.insert(all.end(), log.begin(), log.end());
    std::sort(all.begin(), all.end(),
              [](const Operation& a, const Operation& b) { return a.call < b.call; });
    return all;
  }

  /// The operations recorded so far, in call order, while the threads may still run (for stall
  /// reports): those that had not returned when read are pending.
  std::vector<Operation> snapshot() const {
    std::vector<Operation> all;
    for (std::size_t t = 0; t < logs_.size(); ++t) {
      const int done = done_[t].load(std::memory_order_acquire);
      const int begun = begun_[t].load(std::memory_order_acquire);
      for (int i = 0; i < begun; ++i) {
        const Operation& op = logs_[t][i];
        Operation copy;  // field by field: a pending one's result and ret may be being written
        copy.thread = op.thread;
        copy.method = op.method;
        copy.arg = op.arg;
        copy.arg2 = op.arg2;
        copy.call = op.call;
        if (i < done) copy.result = op.result, copy.ret = op.ret;
        all.push_back(copy);
      }
    }
    std::sort(all.begin(), all.end(),
              [](const Operation& a, const Operation& b) { return a.call < b.call; });
    return all;
  }

  /// Safe to read while the threads run (for stuck reports): invocations and responses so far.
  int begun(int thread) const { return begun_[thread].load(std::memory_order_relaxed); }
  int returned(int thread) const { return done_[thread].load(std::memory_order_relaxed); }

 private:
  std::vector<std::vector<Operation>> logs_;  // logs_[t]: written only by thread t
  std::unique_ptr<std::atomic<int>[]> begun_;
  std::unique_ptr<std::atomic<int>[]> done_;
  std::size_t limit_;
  std::atomic<std::uint64_t> clock_{0};
};

}  // namespace cj
