// The checker declared in cj/fifo_linearizability.hpp, compiled once into the harness library.
#include "cj/fifo_linearizability.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "cj/linearizability.hpp"

namespace cj::fifo {

namespace {

/// A bounded FIFO queue as a sequential specification (cj/linearizability.hpp). Blocking
/// operations are partial: enqueue takes effect only while the queue holds fewer than
/// `capacity` elements, dequeue only while it holds one or more.
struct Spec {
  using State = std::deque<long long>;  // front = oldest
  int capacity = 1;

  State initial() const { return {}; }

  std::optional<long long> apply(State& q, const Operation& op) const {
    switch (op.method) {
      case kEnqueue:
        if (q.size() >= static_cast<std::size_t>(capacity)) return std::nullopt;
        q.push_back(op.arg);
        return 0;
      case kDequeue: {
        if (q.empty()) return std::nullopt;
        const long long front = q.front();
        q.pop_front();
        return front;
      }
      default:
        return static_cast<long long>(q.size());
    }
  }

  std::string key(const State& q) const {
    std::string k;
    for (long long v : q) k.append(reinterpret_cast<const char*>(&v), sizeof v);
    return k;
  }

  /// size() calls first, then whole elements (an enqueue with the dequeue that returned it) and
  /// pending dequeues, latest first.
  std::vector<std::vector<std::size_t>> units(const std::vector<Operation>& w) const {
    std::vector<std::vector<std::size_t>> units;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (w[i].method == kSize) units.push_back({i});
    for (std::size_t i = w.size(); i-- > 0;) {
      if (w[i].method == kEnqueue) {
        std::vector<std::size_t> unit{i};
        for (std::size_t j = 0; j < w.size(); ++j)
          if (w[j].method == kDequeue && !w[j].pending() && w[j].result == w[i].arg)
            unit.push_back(j);
        units.push_back(unit);
      } else if (w[i].method == kDequeue && w[i].pending()) {
        units.push_back({i});
      }
    }
    return units;
  }
};

inline const Operation* dequeue_of(const std::vector<Operation>& ops, long long value) {
  for (const auto& op : ops)
    if (op.method == kDequeue && !op.pending() && op.result == value) return &op;
  return nullptr;
}

}  // namespace

bool linearizable(const std::vector<Operation>& ops, int capacity, std::size_t* nodes) {
  return lin::linearizable(Spec{capacity}, ops, nodes);
}

std::vector<Operation> minimise(const std::vector<Operation>& ops, int capacity) {
  return lin::minimise(Spec{capacity}, ops);
}

std::string explain(const std::vector<Operation>& w, int capacity) {
  const std::string cap = std::to_string(capacity);
  // Over capacity: at some response, more enqueues had returned than dequeues had even begun,
  // by more than the capacity.
  for (const auto& e : w) {
    if (e.method != kEnqueue || e.pending()) continue;
    long long in = 0, out = 0;
    for (const auto& op : w) {
      if (op.method == kEnqueue && op.ret <= e.ret) ++in;
      if (op.method == kDequeue && op.call < e.ret) ++out;
    }
    if (in - out > capacity)
      return "enqueue(" + std::to_string(e.arg) + ") returned while the queue already held " +
             std::to_string(in - 1 - out) + (in - 1 - out == 1 ? " element" : " elements") +
             ", and its capacity is " + cap + ": an enqueue must wait while the queue is full";
  }
  // FIFO: a was in before b was even offered, yet b came out while a was still inside.
  for (const auto& a : w) {
    if (a.method != kEnqueue || a.pending()) continue;
    for (const auto& b : w) {
      if (b.method != kEnqueue || a.ret >= b.call) continue;
      const Operation* out_b = dequeue_of(w, b.arg);
      if (!out_b) continue;
      bool a_could_be_out = false;
      for (const auto& d : w)
        if (d.method == kDequeue && d.call < out_b->ret && (d.pending() || d.result == a.arg))
          a_could_be_out = true;
      if (!a_could_be_out)
        return "dequeue() returned " + std::to_string(b.arg) + " while " + std::to_string(a.arg) +
               " was still in the queue, although enqueue(" + std::to_string(a.arg) +
               ") returned before enqueue(" + std::to_string(b.arg) +
               ") began: a FIFO queue gives elements back in the order they went in";
    }
  }
  // size(): the rest is fine without the size() calls.
  std::vector<Operation> no_size;
  const Operation* size_op = nullptr;
  for (const auto& op : w) {
    if (op.method == kSize)
      size_op = &op;
    else
      no_size.push_back(op);
  }
  if (size_op && linearizable(no_size, capacity))
    return "size() returned " + std::to_string(size_op->result) +
           ", a number of elements the queue never held while that call ran";
  return "no order of these operations that respects their timing is a run of a FIFO queue of "
         "capacity " +
         cap;
}

std::optional<Violation> check(const std::vector<Operation>& ops, int capacity) {
  std::unordered_map<long long, const Operation*> enqueued, dequeued;
  for (const auto& op : ops)
    if (op.method == kEnqueue) enqueued.emplace(op.arg, &op);
  for (const auto& op : ops) {
    if (op.pending()) continue;
    const std::string r = std::to_string(op.result);
    if (op.method == kSize && (op.result < 0 || op.result > capacity))
      return Violation{"size() returned " + r + ", but a queue of capacity " +
                           std::to_string(capacity) + " always holds 0 to " +
                           std::to_string(capacity) + " elements",
                       {op}};
    if (op.method != kDequeue) continue;
    auto in = enqueued.find(op.result);
    if (in == enqueued.end())
      return Violation{"dequeue() returned " + r + ", which no thread enqueued", {op}};
    if (op.ret < in->second->call)
      return Violation{"dequeue() returned " + r + " before enqueue(" + r + ") was called",
                       {*in->second, op}};
    auto [twice, fresh] = dequeued.emplace(op.result, &op);
    if (!fresh) {
      std::vector<Operation> w{*in->second, *twice->second, op};
      std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.call < b.call; });
      return Violation{r + " was enqueued once but dequeued twice", w};
    }
  }
  if (linearizable(ops, capacity)) return std::nullopt;
  std::vector<Operation> w = minimise(ops, capacity);
  return Violation{explain(w, capacity), w};
}

std::string format(const std::vector<Operation>& w,
                   const std::function<std::string(int thread)>& who) {
  return lin::format(
      w, who,
      [](const Operation& op) -> std::string {
        if (op.method == kEnqueue) return "enqueue(" + std::to_string(op.arg) + ")";
        return op.method == kDequeue ? "dequeue()" : "size()";
      },
      [](const Operation& op) {
        return op.method == kEnqueue ? std::string() : std::to_string(op.result);
      });
}

}  // namespace cj::fifo
