// The compiled-once part of the Design Bounded Blocking Queue driver (checks.hpp).
#include "checks.hpp"

#include "cj/fifo_linearizability.hpp"

namespace cj::bounded_blocking_queue {

namespace {

std::string name(const QueueCase& c, int actor) {
  if (c.is_producer(actor)) return "producer " + std::to_string(actor + 1);
  if (c.is_consumer(actor)) return "consumer " + std::to_string(actor - c.producers + 1);
  return "size watcher";
}

}  // namespace

std::string QueueCase::input() const {
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

const std::vector<QueueCase>& queue_cases() {
  static const std::vector<QueueCase> cases = {
      {1, 1, 4, {4}, true, 0},       {2, 2, 3, {6}, false, 3},       {1, 3, 2, {2, 2, 2}, false, 3},
      {3, 1, 6, {2, 2, 2}, true, 0}, {2, 3, 2, {3, 3}, false, 4},    {1, 2, 3, {3, 3}, true, 2},
      {5, 2, 4, {4, 4}, false, 4},   {1, 3, 3, {3, 3, 3}, false, 0},
  };
  return cases;
}

Check check_history(const QueueCase& c, const std::vector<Operation>& ops) {
  const auto violation = fifo::check(ops, c.capacity);
  if (!violation) return std::nullopt;
  Failure f;
  f.reason = violation->reason +
             " (the operations involved are listed as [call, return] "
             "positions in one order of events)";
  f.expected =
      "calls whose results some one-at-a-time order of them, respecting which call "
      "returned before which began, would give";
  f.got = fifo::format(violation->witness, [&c](int t) { return name(c, t); });
  return f;
}

std::string stuck_calls(const QueueCase& c, const HistoryRecorder& history) {
  std::string s;
  for (int a = 0; a < c.actors(); ++a) {
    const int call = history.begun(a);  // 1-based number of the call it is inside
    if (call == history.returned(a)) continue;
    std::string what = "size()";
    if (c.is_producer(a))
      what = "enqueue(" + std::to_string(QueueCase::element(a, call - 1)) + ")";
    else if (c.is_consumer(a) && (!c.consumers_call_size || call % 2 == 1))
      what = "dequeue()";
    s += (s.empty() ? "" : ", ") + name(c, a) + " waits in " + what;
  }
  return s;
}

std::string method_name(const QueueCase& c, int actor) {
  if (c.is_producer(actor)) return "enqueue()";
  if (c.is_consumer(actor)) return "dequeue()";
  return "size()";
}

}  // namespace cj::bounded_blocking_queue
