// 1188 Design Bounded Blocking Queue: producers enqueue, consumers dequeue, and someone calls
// size() meanwhile, all on one queue. Every call's invocation and response is recorded and the
// history is judged against a bounded FIFO queue (cj/fifo_linearizability.hpp), so a queue that
// lets an enqueue through while full, hands elements out of order or reports an impossible size
// is caught even when the final output would look right. The cases, the check of the history and
// the stall text are compiled once (checks.hpp); this file holds the trial that calls the
// learner's BoundedBlockingQueue.
#include "checks.hpp"
#include "cj/fifo_linearizability.hpp"
#include "cj/harness.hpp"

namespace cj::bounded_blocking_queue {

class QueueTrial final : public Trial {
 public:
  explicit QueueTrial(const QueueCase& c)
      : c_(c), queue_(c.capacity), history_(c.actors(), 2 * c.enqueues_each + 8) {}

  void run(int actor) override {
    if (c_.is_producer(actor)) {
      for (int j = 0; j < c_.enqueues_each; ++j) {
        const int v = QueueCase::element(actor, j);
        const auto slot = history_.begin(actor, fifo::kEnqueue, v);
        queue_.enqueue(v);
        history_.end(actor, slot, 0);
      }
    } else if (c_.is_consumer(actor)) {
      for (int j = 0; j < c_.dequeues[actor - c_.producers]; ++j) {
        auto slot = history_.begin(actor, fifo::kDequeue, 0);
        const int v = queue_.dequeue();
        history_.end(actor, slot, v);
        if (c_.consumers_call_size) record_size(actor);
      }
    } else {
      for (int j = 0; j < c_.watcher_sizes; ++j) record_size(actor);
    }
  }

  Check check() override { return check_history(c_, history_.operations()); }

  std::string stuck_state() const override { return stuck_calls(c_, history_); }

 private:
  void record_size(int actor) {
    auto slot = history_.begin(actor, fifo::kSize, 0);
    const int n = queue_.size();
    history_.end(actor, slot, n);
  }

  const QueueCase& c_;
  ::BoundedBlockingQueue queue_;
  HistoryRecorder history_;
};

class DesignBoundedBlockingQueue final : public Problem {
 public:
  std::string slug() const override { return "design-bounded-blocking-queue"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : queue_cases()) cases.push_back({c.input(), c.actors(), {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<QueueTrial>(find(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return method_name(find(c), actor);
  }

 private:
  static const QueueCase& find(const Case& c) {
    return queue_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(DesignBoundedBlockingQueue);

}  // namespace cj::bounded_blocking_queue
