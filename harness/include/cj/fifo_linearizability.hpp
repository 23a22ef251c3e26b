// Is a concurrent history of a bounded blocking FIFO queue linearizable? (Wing & Gong's search
// with Lowe's memoisation.) Blocking operations are partial: enqueue may take effect only while
// the queue holds fewer than `capacity` elements, dequeue only while it holds one or more.
//
// The history must give every element a distinct value, so that a dequeue names the enqueue it
// matches. A violation comes with a smallest sub-history that still shows it and one sentence.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cj/history.hpp"

namespace cj::fifo {

/// Operation::method values for a queue history.
enum Method : int { kEnqueue = 0, kDequeue = 1, kSize = 2 };

struct Violation {
  std::string reason;              // one sentence a learner understands
  std::vector<Operation> witness;  // the operations involved, in call order
};

namespace detail {

/// Depth-first search over (operations linearized per thread, queue contents), memoising states
/// already known to lead nowhere. Each thread's operations are sequential, so "which operations
/// are linearized" is one count per thread.
class Search {
 public:
  Search(const std::vector<Operation>& ops, int capacity, std::size_t node_limit)
      : capacity_(static_cast<std::size_t>(capacity)), node_limit_(node_limit) {
    std::unordered_map<int, std::size_t> slot;
    for (const auto& op : ops) {
      auto [it, fresh] = slot.emplace(op.thread, threads_.size());
      if (fresh) threads_.emplace_back();
      threads_[it->second].push_back(&op);
      if (op.method == kEnqueue) ids_.emplace(op.arg, static_cast<int>(ids_.size()));
    }
    for (auto& t : threads_)
      std::sort(t.begin(), t.end(), [](auto* a, auto* b) { return a->call < b->call; });
    counts_.assign(threads_.size(), 0);
  }

  /// True when linearizable, or when the search gave up (node limit): never a false alarm.
  bool run() { return dfs(); }
  bool gave_up() const { return gave_up_; }
  std::size_t nodes() const { return nodes_; }

 private:
  bool done() const {
    for (std::size_t t = 0; t < threads_.size(); ++t)
      if (counts_[t] < threads_[t].size() && !threads_[t][counts_[t]]->pending()) return false;
    return true;
  }

  int id_of(long long value) const {
    auto it = ids_.find(value);
    return it == ids_.end() ? -1 : it->second;
  }

  std::string key() const {
    std::string k;
    for (std::size_t c : counts_) k.push_back(static_cast<char>(c)), k.push_back(char(c >> 8));
    k.push_back('|');
    for (int id : queue_) k.push_back(static_cast<char>(id)), k.push_back(char(id >> 8));
    return k;
  }

  /// Linearizes op (the next one of thread t) if the queue's state allows it, then goes deeper.
  bool step(std::size_t t, const Operation& op) {
    switch (op.method) {
      case kEnqueue: {
        if (queue_.size() >= capacity_) return false;
        queue_.push_back(id_of(op.arg));
        ++counts_[t];
        const bool ok = dfs();
        --counts_[t];
        queue_.pop_back();
        return ok;
      }
      case kDequeue: {
        if (queue_.empty()) return false;
        if (!op.pending() && queue_.front() != id_of(op.result)) return false;
        const int front = queue_.front();
        queue_.pop_front();
        ++counts_[t];
        const bool ok = dfs();
        --counts_[t];
        queue_.push_front(front);
        return ok;
      }
      default: {
        if (!op.pending() && static_cast<long long>(queue_.size()) != op.result) return false;
        ++counts_[t];
        const bool ok = dfs();
        --counts_[t];
        return ok;
      }
    }
  }

  bool dfs() {
    if (done()) return true;
    if (++nodes_ > node_limit_) {
      gave_up_ = true;
      return true;
    }
    if (!seen_.insert(key()).second) return false;
    // An operation can go next only if no other pending one returned before it was invoked.
    std::uint64_t min_ret = Operation::kPending;
    for (std::size_t t = 0; t < threads_.size(); ++t)
      if (counts_[t] < threads_[t].size())
        min_ret = std::min(min_ret, threads_[t][counts_[t]]->ret);
    for (std::size_t t = 0; t < threads_.size(); ++t) {
      if (counts_[t] >= threads_[t].size()) continue;
      const Operation& op = *threads_[t][counts_[t]];
      if (op.call > min_ret) continue;
      if (step(t, op)) return true;
    }
    return false;
  }

  std::size_t capacity_;
  std::size_t node_limit_;
  std::vector<std::vector<const Operation*>> threads_;
  std::unordered_map<long long, int> ids_;  // enqueued value -> element id
  std::vector<std::size_t> counts_;
  std::deque<int> queue_;
  std::unordered_set<std::string> seen_;
  std::size_t nodes_ = 0;
  bool gave_up_ = false;
};

/// The operations invoked at or before position `cut`; those still running then become pending.
inline std::vector<Operation> prefix(const std::vector<Operation>& ops, std::uint64_t cut) {
  std::vector<Operation> out;
  for (Operation op : ops) {
    if (op.call > cut) continue;
    if (!op.pending() && op.ret > cut) op.ret = Operation::kPending;
    out.push_back(op);
  }
  return out;
}

inline const Operation* dequeue_of(const std::vector<Operation>& ops, long long value) {
  for (const auto& op : ops)
    if (op.method == kDequeue && !op.pending() && op.result == value) return &op;
  return nullptr;
}

}  // namespace detail

inline constexpr std::size_t kDefaultNodeLimit = std::size_t(1) << 21;

/// True when some order of `ops` that respects real time (a.ret < b.call puts a first) is a run
/// of a bounded FIFO queue of `capacity`. Pending operations may take effect or not.
inline bool linearizable(const std::vector<Operation>& ops, int capacity,
                         std::size_t* nodes = nullptr) {
  detail::Search search(ops, capacity, kDefaultNodeLimit);
  const bool ok = search.run();
  if (nodes) *nodes = search.nodes();
  return ok;
}

/// Shrinks a history that is not linearizable: first to the shortest prefix that is not, then
/// drops whole elements (an enqueue with the dequeue that returned it) and size() calls while
/// what is left is still not linearizable.
inline std::vector<Operation> minimise(const std::vector<Operation>& ops, int capacity) {
  std::vector<std::uint64_t> rets;
  for (const auto& op : ops)
    if (!op.pending()) rets.push_back(op.ret);
  std::sort(rets.begin(), rets.end());
  std::size_t lo = 0, hi = rets.size();  // prefix(rets[hi - 1]) is the whole history
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if (linearizable(detail::prefix(ops, rets[mid - 1]), capacity))
      lo = mid;
    else
      hi = mid;
  }
  std::vector<Operation> w = hi ? detail::prefix(ops, rets[hi - 1]) : ops;

  // Units to try dropping: size() calls first, then elements, latest first.
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
  std::vector<bool> dropped(w.size(), false);
  auto without = [&](const std::vector<std::size_t>& unit) {
    std::vector<Operation> rest;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (!dropped[i] && std::find(unit.begin(), unit.end(), i) == unit.end()) rest.push_back(w[i]);
    return rest;
  };
  for (const auto& unit : units)
    if (!linearizable(without(unit), capacity))
      for (std::size_t i : unit) dropped[i] = true;
  return without({});
}

/// One sentence on what a minimised witness shows.
inline std::string explain(const std::vector<Operation>& w, int capacity) {
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
      const Operation* out_b = detail::dequeue_of(w, b.arg);
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

/// Checks a complete or cut-off history; nullopt when it is linearizable.
inline std::optional<Violation> check(const std::vector<Operation>& ops, int capacity) {
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

/// The witness, one operation a line in call order, with [call, return] renumbered 1, 2, ...:
///   [1,4] producer 1: enqueue(101)
///   [2,-] consumer 1: dequeue() (had not returned)
inline std::string format(const std::vector<Operation>& w,
                          const std::function<std::string(int thread)>& who) {
  std::vector<std::uint64_t> stamps;
  for (const auto& op : w) {
    stamps.push_back(op.call);
    if (!op.pending()) stamps.push_back(op.ret);
  }
  std::sort(stamps.begin(), stamps.end());
  auto pos = [&](std::uint64_t s) {
    return std::to_string(std::lower_bound(stamps.begin(), stamps.end(), s) - stamps.begin() + 1);
  };
  std::string out;
  for (const auto& op : w) {
    out += "[" + pos(op.call) + "," + (op.pending() ? std::string("-") : pos(op.ret)) + "] " +
           who(op.thread) + ": ";
    if (op.method == kEnqueue)
      out += "enqueue(" + std::to_string(op.arg) + ")";
    else
      out += op.method == kDequeue ? "dequeue()" : "size()";
    if (op.pending())
      out += " (had not returned)";
    else if (op.method != kEnqueue)
      out += " -> " + std::to_string(op.result);
    out += "\n";
  }
  return out;
}

}  // namespace cj::fifo
