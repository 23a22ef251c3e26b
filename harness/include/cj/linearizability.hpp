// Is a concurrent history linearizable against a sequential specification? Wing & Gong's search
// with Lowe's memoisation, plus shrinking a failing history to a small witness.
//
// A specification is a plain sequential object, written once per problem:
//
//   struct QueueSpec {
//     using State = std::deque<long long>;           // copyable
//     State initial() const;
//     // The result `op` gives when it takes effect in state `s` (changing `s`), or nullopt
//     // when it cannot take effect there (a blocking call waits: dequeue on an empty queue).
//     std::optional<long long> apply(State& s, const Operation& op) const;
//     std::string key(const State& s) const;          // equal keys for equal states (memo)
//     // Optional: groups of operations that only make sense together (an enqueue and the
//     // dequeue that returned its element), so shrinking drops them as one.
//     std::vector<std::vector<std::size_t>> units(const std::vector<Operation>& ops) const;
//   };
//
// A returned operation must give exactly its recorded result; a pending one (invoked, never
// returned) may take effect with any result, or not at all. Histories whose operations carry
// distinct arguments keep the search small: memoised states are (operations linearized per
// thread, key of the state).
#pragma once

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cj/history.hpp"

namespace cj::lin {

template <class S>
concept Specification = requires(const S& spec, typename S::State& state, const Operation& op) {
  { spec.initial() } -> std::convertible_to<typename S::State>;
  { spec.apply(state, op) } -> std::convertible_to<std::optional<long long>>;
  { spec.key(state) } -> std::convertible_to<std::string>;
};

inline constexpr std::size_t kDefaultNodeLimit = std::size_t(1) << 21;

namespace detail {

/// Depth-first search over (operations linearized per thread, state), memoising nodes already
/// known to lead nowhere. Each thread's operations are sequential, so "which operations are
/// linearized" is one count per thread.
template <Specification Spec>
class Search {
 public:
  Search(const Spec& spec, const std::vector<Operation>& ops, std::size_t node_limit)
      : spec_(spec), node_limit_(node_limit) {
    std::vector<int> ids;
    for (const auto& op : ops) {
      auto at = std::find(ids.begin(), ids.end(), op.thread);
      if (at == ids.end()) {
        ids.push_back(op.thread);
        threads_.emplace_back();
        at = ids.end() - 1;
      }
      threads_[static_cast<std::size_t>(at - ids.begin())].push_back(&op);
    }
    for (auto& t : threads_)
      std::sort(t.begin(), t.end(), [](auto* a, auto* b) { return a->call < b->call; });
    counts_.assign(threads_.size(), 0);
  }

  /// True when linearizable, or when the search gave up (node limit): never a false alarm.
  bool run() { return dfs(spec_.initial()); }
  bool gave_up() const { return gave_up_; }
  std::size_t nodes() const { return nodes_; }

 private:
  bool done() const {
    for (std::size_t t = 0; t < threads_.size(); ++t)
      if (counts_[t] < threads_[t].size() && !threads_[t][counts_[t]]->pending()) return false;
    return true;
  }

  std::string key(const typename Spec::State& state) const {
    std::string k;
    for (std::size_t c : counts_) k.push_back(static_cast<char>(c)), k.push_back(char(c >> 8));
    k.push_back('|');
    k += spec_.key(state);
    return k;
  }

  bool dfs(const typename Spec::State& state) {
    if (done()) return true;
    if (++nodes_ > node_limit_) {
      gave_up_ = true;
      return true;
    }
    if (!seen_.insert(key(state)).second) return false;
    // An operation can go next only if no other pending one returned before it was invoked.
    std::uint64_t min_ret = Operation::kPending;
    for (std::size_t t = 0; t < threads_.size(); ++t)
      if (counts_[t] < threads_[t].size())
        min_ret = std::min(min_ret, threads_[t][counts_[t]]->ret);
    for (std::size_t t = 0; t < threads_.size(); ++t) {
      if (counts_[t] >= threads_[t].size()) continue;
      const Operation& op = *threads_[t][counts_[t]];
      if (op.call > min_ret) continue;
      typename Spec::State next = state;
      const std::optional<long long> result = spec_.apply(next, op);
      if (!result || (!op.pending() && *result != op.result)) continue;
      ++counts_[t];
      const bool ok = dfs(next);
      --counts_[t];
      if (ok) return true;
    }
    return false;
  }

  const Spec& spec_;
  std::size_t node_limit_;
  std::vector<std::vector<const Operation*>> threads_;
  std::vector<std::size_t> counts_;
  std::unordered_set<std::string> seen_;
  std::size_t nodes_ = 0;
  bool gave_up_ = false;
};

}  // namespace detail

/// True when some order of `ops` that respects real time (a.ret < b.call puts a first) is a run
/// of the specification. Pending operations may take effect or not. `nodes`, when given,
/// receives the number of search nodes visited.
template <Specification Spec>
bool linearizable(const Spec& spec, const std::vector<Operation>& ops,
                  std::size_t* nodes = nullptr) {
  detail::Search<Spec> search(spec, ops, kDefaultNodeLimit);
  const bool ok = search.run();
  if (nodes) *nodes = search.nodes();
  return ok;
}

/// The operations invoked at or before position `cut`; those still running then become pending.
std::vector<Operation> prefix(const std::vector<Operation>& ops, std::uint64_t cut);

/// Shrinks a history that is not linearizable: first to the shortest prefix that is not, then
/// drops the specification's units (each operation alone if it names none), in the order it
/// lists them, while what is left is still not linearizable.
template <Specification Spec>
std::vector<Operation> minimise(const Spec& spec, const std::vector<Operation>& ops) {
  std::vector<std::uint64_t> rets;
  for (const auto& op : ops)
    if (!op.pending()) rets.push_back(op.ret);
  std::sort(rets.begin(), rets.end());
  std::size_t lo = 0, hi = rets.size();  // prefix(rets[hi - 1]) is the whole history
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if (linearizable(spec, prefix(ops, rets[mid - 1])))
      lo = mid;
    else
      hi = mid;
  }
  std::vector<Operation> w = hi ? prefix(ops, rets[hi - 1]) : ops;

  std::vector<std::vector<std::size_t>> units;
  if constexpr (requires { spec.units(w); }) {
    units = spec.units(w);
  } else {
    for (std::size_t i = w.size(); i-- > 0;) units.push_back({i});
  }
  std::vector<bool> dropped(w.size(), false);
  auto without = [&](const std::vector<std::size_t>& unit) {
    std::vector<Operation> rest;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (!dropped[i] && std::find(unit.begin(), unit.end(), i) == unit.end()) rest.push_back(w[i]);
    return rest;
  };
  for (const auto& unit : units)
    if (!linearizable(spec, without(unit)))
      for (std::size_t i : unit) dropped[i] = true;
  return without({});
}

/// Which of `candidates` operation `ops[index]` could have returned for the rest of `ops` to be
/// linearizable (for a sentence such as "get(2) returned 7, but the cache would have given -1").
template <Specification Spec>
std::vector<long long> allowed_results(const Spec& spec, std::vector<Operation> ops,
                                       std::size_t index,
                                       const std::vector<long long>& candidates) {
  std::vector<long long> allowed;
  for (long long r : candidates) {
    ops[index].result = r;
    if (linearizable(spec, ops)) allowed.push_back(r);
  }
  return allowed;
}

/// A witness, one operation a line in call order, with [call, return] renumbered 1, 2, ...:
///   [1,4] producer 1: enqueue(101)
///   [2,-] consumer 1: dequeue() (had not returned)
/// `call` names the call ("get(3)"); `result` its result ("7"), or empty to show none.
std::string format(const std::vector<Operation>& w,
                   const std::function<std::string(int thread)>& who,
                   const std::function<std::string(const Operation&)>& call,
                   const std::function<std::string(const Operation&)>& result);

}  // namespace cj::lin
