// Pipeline with Back-Pressure: one run() call reads items from next(), fans them out to k
// workers calling work() and fans the results in to emit(). The callbacks count what passes
// through them (relaxed atomics: counting must not order the solution's threads), and the check
// establishes exactly-once processing, the in-flight bound that back-pressure guarantees, that
// no item is worked on by two threads at once, and that an error in work() ends the pipeline
// and comes back out of run(). (How soon the reader stops after an error is not checked: a legal
// schedule may delay the failing worker arbitrarily while the others go on.) Threads left running
// after run() are the harness's leaked-thread check. The cases and the check are compiled once
// (checks.hpp); this file holds the trial and its callbacks.
#include <atomic>
#include <memory>
#include <stdexcept>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::pipeline {

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
      end_.error = e.what();
      end_.threw = true;
    } catch (...) {
      end_.error = "an exception of another type";
      end_.threw = true;
    }
  }

  Check check() override { return check_log(c_, log_, end_); }

  const PipelineCase& c_;
  ::Pipeline pipeline_;
  PipelineLog log_;
  RunEnd end_;
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
