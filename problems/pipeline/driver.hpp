// Pipeline with Back-Pressure: one run() call reads items from next(), fans them out to k
// workers calling work() and fans the results in to emit(). The callbacks count what passes
// through them (relaxed atomics: counting must not order the solution's threads), and the check
// establishes exactly-once processing, the in-flight bound that back-pressure guarantees, that
// no item is worked on by two threads at once, and that an error in work() ends the pipeline
// and comes back out of run(). (How soon the reader stops after an error is not checked: a legal
// schedule may delay the failing worker arbitrarily while the others go on.) Threads left running
// after run() are the harness's leaked-thread check.
#include <atomic>
#include <memory>
#include <stdexcept>

#include "cj/harness.hpp"

namespace cj::pipeline {

struct PipelineCase {
  int workers;
  int capacity;
  int items;
  int poison;  // the item whose work() throws, or 0 for none

  /// What the reader, both channels, every worker and the emitting thread can hold at once.
  int bound() const { return 2 * capacity + workers + 2; }

  std::string input() const {
    std::string s = "workers = " + std::to_string(workers) +
                    ", capacity = " + std::to_string(capacity) + ", items 1.." +
                    std::to_string(items);
    if (poison) s += ", work(" + std::to_string(poison) + ") throws";
    return s;
  }
};

inline const std::vector<PipelineCase>& pipeline_cases() {
  static const std::vector<PipelineCase> cases = {
      {2, 1, 6, 0}, {1, 1, 8, 0},  {3, 3, 12, 0}, {2, 3, 8, 0},  {3, 1, 3, 0}, {3, 1, 1, 0},
      {4, 3, 2, 0}, {2, 1, 10, 3}, {3, 1, 12, 5}, {1, 3, 10, 2}, {4, 1, 6, 0},
  };
  return cases;
}

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

class PipelineTrial final : public Trial {
 public:
  explicit PipelineTrial(const PipelineCase& c)
      : c_(c), pipeline_(c.workers, c.capacity), log_(c.items) {}

  void run(int) override {
    auto next = [this]() -> std::optional<int> {
      note_progress();
      log_.next_calls.fetch_add(1, std::memory_order_relaxed);
      const int item = log_.taken.load(std::memory_order_relaxed) + 1;
      if (item > c_.items) return std::nullopt;
      log_.taken.store(item, std::memory_order_relaxed);  // next() is called by one thread
      const int in_flight = item - log_.emits.load(std::memory_order_relaxed);
      int seen = log_.max_in_flight.load(std::memory_order_relaxed);
      while (in_flight > seen && !log_.max_in_flight.compare_exchange_weak(
                                     seen, in_flight, std::memory_order_relaxed)) {
      }
      return item;
    };
    auto work = [this](int item) -> int {
      note_progress();
      if (item < 1 || item > c_.items) return -1;
      log_.worked[item].fetch_add(1, std::memory_order_relaxed);
      if (log_.busy[item].fetch_add(1, std::memory_order_relaxed) != 0)
        log_.overlap_item.store(item, std::memory_order_relaxed);
      std::this_thread::yield();  // the work takes a while: let the reader run ahead
      log_.busy[item].fetch_sub(1, std::memory_order_relaxed);
      if (item == c_.poison) {
        throw std::runtime_error("work(" + std::to_string(item) + ") failed");
      }
      return result_of(item);
    };
    auto emit = [this](int value) {
      note_progress();
      log_.emits.fetch_add(1, std::memory_order_relaxed);
      const int item = (value - 7) / 10;
      if (value % 10 != 7 || item < 1 || item > c_.items || item == c_.poison)
        log_.bad_emit.store(value, std::memory_order_relaxed);
      else
        log_.emitted[item].fetch_add(1, std::memory_order_relaxed);
    };
    try {
      pipeline_.run(next, work, emit);
    } catch (const std::runtime_error& e) {
      error_ = e.what();
      threw_ = true;
    } catch (...) {
      error_ = "an exception of another type";
      threw_ = true;
    }
  }

  Check check() override {
    Failure f;
    const int max = log_.max_in_flight.load(std::memory_order_relaxed);
    if (max > c_.bound()) {
      f.reason =
          "at one point " + std::to_string(max) +
          " items had been read by next() and not yet emitted, but the channels, workers "
          "and the two end stages hold at most 2 x capacity + workers + 2 = " +
          std::to_string(c_.bound()) +
          ": some stage buffers without bound instead of waiting for room (no back-pressure)";
      f.expected = "at most " + std::to_string(c_.bound()) + " items in flight";
      f.got = std::to_string(max) + " items in flight";
      return f;
    }
    if (const int item = log_.overlap_item.load(std::memory_order_relaxed)) {
      f.reason = "two threads ran work(" + std::to_string(item) +
                 ") at the same time: an item belongs to one stage at a time";
      return f;
    }
    if (const int value = log_.bad_emit.load(std::memory_order_relaxed)) {
      f.reason = "emit() received " + std::to_string(value) +
                 ", which is not the result of a work() call that returned";
      return f;
    }
    if (c_.poison) return check_error();
    for (int i = 1; i <= c_.items; ++i) {
      const int w = log_.worked[i].load(std::memory_order_relaxed);
      const int e = log_.emitted[i].load(std::memory_order_relaxed);
      if (w == 1 && e == 1) continue;
      f.reason = "item " + std::to_string(i) + " went through work() " + std::to_string(w) +
                 (w == 1 ? " time" : " times") + " and its result reached emit() " +
                 std::to_string(e) + (e == 1 ? " time" : " times") +
                 ": every item must be processed and emitted exactly once";
      f.expected =
          "work(" + std::to_string(i) + ") once, emit(" + std::to_string(result_of(i)) + ") once";
      f.got = "work " + std::to_string(w) + "x, emit " + std::to_string(e) + "x";
      return f;
    }
    if (threw_) {
      f.reason = "run() threw (" + error_ + ") although no work() call failed";
      return f;
    }
    return std::nullopt;
  }

 private:
  Check check_error() const {
    Failure f;
    const std::string expected = "work(" + std::to_string(c_.poison) + ") failed";
    if (!threw_ || error_ != expected) {
      f.reason = threw_ ? "run() threw \"" + error_ + "\", not the error work() threw"
                        : "work(" + std::to_string(c_.poison) +
                              ") threw, but run() returned normally: the first error must come "
                              "back out of run()";
      f.expected = "run() throws runtime_error(\"" + expected + "\")";
      f.got = threw_ ? error_ : "run() returned";
      return f;
    }
    for (int i = 1; i <= c_.items; ++i) {
      const int w = log_.worked[i].load(std::memory_order_relaxed);
      const int e = log_.emitted[i].load(std::memory_order_relaxed);
      if (w <= 1 && e <= w) continue;
      f.reason = "item " + std::to_string(i) + " went through work() " + std::to_string(w) +
                 " times and reached emit() " + std::to_string(e) +
                 " times: after an error, items may be dropped, but none may be processed or "
                 "emitted twice";
      return f;
    }
    return std::nullopt;
  }

  const PipelineCase& c_;
  ::Pipeline pipeline_;
  PipelineLog log_;
  std::string error_;
  bool threw_ = false;
};

class PipelineProblem final : public Problem {
 public:
  std::string slug() const override { return "pipeline"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : pipeline_cases()) cases.push_back({c.input(), 1, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<PipelineTrial>(find(c));
  }
  std::string actor_name(const Case&, int) const override { return "run()"; }
  bool solution_starts_threads() const override { return true; }

 private:
  static const PipelineCase& find(const Case& c) {
    return pipeline_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(PipelineProblem);

}  // namespace cj::pipeline
