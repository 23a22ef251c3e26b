// 1188 Design Bounded Blocking Queue: producers enqueue, consumers dequeue, and someone calls
// size() meanwhile, all on one queue. Every call's invocation and response is recorded and the
// history is judged against a bounded FIFO queue (cj/fifo_linearizability.hpp), so a queue that
// lets an enqueue through while full, hands elements out of order or reports an impossible size
// is caught even when the final output would look right.
#include "cj/fifo_linearizability.hpp"
#include "cj/harness.hpp"
#include "cj/history.hpp"

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

  std::string input() const {
    std::string s = "capacity = " + std::to_string(capacity) + ", " + std::to_string(producers) +
                    " producer" + (producers == 1 ? "" : "s") + " enqueueing " +
                    std::to_string(enqueues_each) + (producers == 1 ? ", " : " each, ") +
                    std::to_string(dequeues.size()) + " consumer" +
                    (dequeues.size() == 1 ? "" : "s") + " dequeueing [";
    for (std::size_t c = 0; c < dequeues.size(); ++c)
      s += (c ? "," : "") + std::to_string(dequeues[c]);
    s += "]";
    if (consumers_call_size) s += ", consumers call size() after each dequeue";
    if (watcher_sizes)
      s += ", one more thread calls size() " + std::to_string(watcher_sizes) + " times";
    return s;
  }
};

inline const std::vector<QueueCase>& queue_cases() {
  static const std::vector<QueueCase> cases = {
      {1, 1, 4, {4}, true, 0},       {2, 2, 3, {6}, false, 3},       {1, 3, 2, {2, 2, 2}, false, 3},
      {3, 1, 6, {2, 2, 2}, true, 0}, {2, 3, 2, {3, 3}, false, 4},    {1, 2, 3, {3, 3}, true, 2},
      {5, 2, 4, {4, 4}, false, 4},   {1, 3, 3, {3, 3, 3}, false, 0},
  };
  return cases;
}

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

  Check check() override {
    const auto violation = fifo::check(history_.operations(), c_.capacity);
    if (!violation) return std::nullopt;
    Failure f;
    f.reason = violation->reason +
               " (the operations involved are listed as [call, return] "
               "positions in one order of events)";
    f.expected =
        "calls whose results some one-at-a-time order of them, respecting which call "
        "returned before which began, would give";
    f.got = fifo::format(violation->witness, [this](int t) { return name(t); });
    return f;
  }

  std::string stuck_state() const override {
    std::string s;
    for (int a = 0; a < c_.actors(); ++a) {
      const int call = history_.begun(a);  // 1-based number of the call it is inside
      if (call == history_.returned(a)) continue;
      std::string what = "size()";
      if (c_.is_producer(a))
        what = "enqueue(" + std::to_string(QueueCase::element(a, call - 1)) + ")";
      else if (c_.is_consumer(a) && (!c_.consumers_call_size || call % 2 == 1))
        what = "dequeue()";
      s += (s.empty() ? "" : ", ") + name(a) + " waits in " + what;
    }
    return s;
  }

  std::string name(int actor) const {
    if (c_.is_producer(actor)) return "producer " + std::to_string(actor + 1);
    if (c_.is_consumer(actor)) return "consumer " + std::to_string(actor - c_.producers + 1);
    return "size watcher";
  }

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
    const QueueCase& q = find(c);
    if (q.is_producer(actor)) return "enqueue()";
    if (q.is_consumer(actor)) return "dequeue()";
    return "size()";
  }

 private:
  static const QueueCase& find(const Case& c) {
    return queue_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(DesignBoundedBlockingQueue);

}  // namespace cj::bounded_blocking_queue
