// The checker declared in cj/channel_linearizability.hpp, compiled once into the harness library.
#include "cj/channel_linearizability.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <unordered_map>

#include "cj/linearizability.hpp"

namespace cj::channel {

namespace {

/// The sequential specification, for cj/linearizability.hpp. A rendezvous receive may take any
/// waiting sender's value, so apply() gives a returned receive the value it recorded when that
/// value could be taken there (and a pending one nothing: it may never take effect).
class ChannelSpec {
 public:
  struct State {
    bool closed = false;
    std::deque<int> buffer;      // capacity > 0: value ids, oldest first
    std::uint64_t taken = 0;     // capacity 0: received, their send not yet taken effect
    std::uint64_t resolved = 0;  // capacity 0: sends that took effect (either result)
  };

  ChannelSpec(const std::vector<Operation>& ops, int capacity)
      : capacity_(static_cast<std::size_t>(capacity)) {
    for (const auto& op : ops)
      if (op.method == kSend) ids_.emplace(op.arg, static_cast<int>(ids_.size()));
  }

  /// At most 64 distinct values fit the bit sets; larger histories are not checked.
  bool fits() const { return ids_.size() <= 64; }

  State initial() const { return {}; }

  std::optional<long long> apply(State& s, const Operation& op) const {
    switch (op.method) {
      case kSend: {
        const std::uint64_t b = bit(id_of(op.arg));
        if (capacity_ > 0 && !s.closed && s.buffer.size() < capacity_) {
          s.buffer.push_back(id_of(op.arg));
          return 1;
        }
        if (capacity_ == 0 && (s.taken & b)) {
          s.taken &= ~b;
          s.resolved |= b;
          return 1;
        }
        if (s.closed && !(s.taken & b)) {
          s.resolved |= b;
          return 0;
        }
        return std::nullopt;  // waits for room or for a receiver
      }
      case kReceive: {
        if (capacity_ > 0 && !s.buffer.empty()) {
          const int front = s.buffer.front();
          s.buffer.pop_front();
          return value_of(front);
        }
        if (capacity_ == 0 && !s.closed && !op.pending() && op.result != kClosed) {
          const int id = id_of(op.result);
          if (id < 0 || ((s.taken | s.resolved) & bit(id))) return std::nullopt;
          s.taken |= bit(id);
          return op.result;
        }
        if (s.closed && s.buffer.empty()) return kClosed;
        return std::nullopt;  // waits for a value
      }
      default:
        if (s.closed) return std::nullopt;
        s.closed = true;
        return 0;
    }
  }

  std::string key(const State& s) const {
    std::string k(s.closed ? "c" : "o");
    for (int id : s.buffer) k.push_back(static_cast<char>(id));
    k.push_back('|');
    k.append(reinterpret_cast<const char*>(&s.taken), sizeof s.taken);
    k.append(reinterpret_cast<const char*>(&s.resolved), sizeof s.resolved);
    return k;
  }

  /// Shrinking drops a send with the receive that got its value as one, and closed receives.
  std::vector<std::vector<std::size_t>> units(const std::vector<Operation>& w) const {
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t i = w.size(); i-- > 0;) {
      if (w[i].method == kSend) {
        std::vector<std::size_t> unit{i};
        for (std::size_t j = 0; j < w.size(); ++j)
          if (w[j].method == kReceive && !w[j].pending() && w[j].result == w[i].arg)
            unit.push_back(j);
        out.push_back(unit);
      } else if (w[i].method == kReceive && (w[i].pending() || w[i].result == kClosed)) {
        out.push_back({i});
      }
    }
    return out;
  }

 private:
  static std::uint64_t bit(int id) { return id < 0 ? 0 : std::uint64_t(1) << id; }
  int id_of(long long value) const {
    auto it = ids_.find(value);
    return it == ids_.end() ? -1 : it->second;
  }
  long long value_of(int id) const {
    for (const auto& [value, i] : ids_)
      if (i == id) return value;
    return -2;
  }

  std::size_t capacity_;
  std::unordered_map<long long, int> ids_;  // sent value -> id
};

inline const Operation* receive_of(const std::vector<Operation>& ops, long long value) {
  for (const auto& op : ops)
    if (op.method == kReceive && !op.pending() && op.result == value) return &op;
  return nullptr;
}

inline const Operation* close_of(const std::vector<Operation>& ops) {
  for (const auto& op : ops)
    if (op.method == kClose) return &op;
  return nullptr;
}

inline std::vector<Operation> sorted(std::vector<Operation> w) {
  std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return a.call < b.call; });
  return w;
}

}  // namespace

bool linearizable(const std::vector<Operation>& ops, int capacity) {
  const ChannelSpec spec(ops, capacity);
  return !spec.fits() || lin::linearizable(spec, ops);
}

std::string explain(const std::vector<Operation>& w, int capacity) {
  const std::string cap = std::to_string(capacity);
  const Operation* close = close_of(w);
  for (const auto& op : w) {
    if (op.method != kSend || op.pending() || op.result != 1) continue;
    const std::string v = std::to_string(op.arg);
    if (close && close->ret < op.call)
      return "send(" + v +
             ") returned true although close() had returned before it began: a "
             "send on a closed channel must return false and deliver nothing";
    const Operation* got = receive_of(w, op.arg);
    if (close && got && close->ret < got->call && capacity == 0)
      return "receive() returned " + v +
             " after close() had returned: once a rendezvous channel "
             "is closed, nothing more can be received";
  }
  if (capacity > 0) {
    for (const auto& e : w) {
      if (e.method != kSend || e.pending() || e.result != 1) continue;
      long long in = 0, out = 0;
      for (const auto& op : w) {
        if (op.method == kSend && op.result == 1 && !op.pending() && op.ret <= e.ret) ++in;
        if (op.method == kReceive && op.call < e.ret) ++out;
      }
      if (in - out > capacity)
        return "send(" + std::to_string(e.arg) + ") returned while the buffer already held " +
               std::to_string(in - 1 - out) + (in - 1 - out == 1 ? " value" : " values") +
               ", and the capacity is " + cap + ": a send must wait while the buffer is full";
    }
  }
  for (const auto& op : w)
    if (op.method == kReceive && op.result == kClosed && !op.pending() && close &&
        op.ret < close->call)
      return "receive() reported the channel closed before close() was even called";
  return "no order of these calls that respects their timing is a run of a channel of capacity " +
         cap +
         " (values leave in the order they arrived; after close(), buffered values are "
         "still received, then receive() reports closed)";
}

std::optional<Violation> check(const std::vector<Operation>& ops, int capacity) {
  std::unordered_map<long long, const Operation*> sent, received;
  for (const auto& op : ops)
    if (op.method == kSend) sent.emplace(op.arg, &op);
  for (const auto& op : ops) {
    if (op.method != kReceive || op.pending() || op.result == kClosed) continue;
    const std::string r = std::to_string(op.result);
    auto in = sent.find(op.result);
    if (in == sent.end())
      return Violation{"receive() returned " + r + ", which no thread sent", {op}};
    const Operation& s = *in->second;
    if (op.ret < s.call)
      return Violation{"receive() returned " + r + " before send(" + r + ") was called", {s, op}};
    if (!s.pending() && s.result == 0)
      return Violation{
          "send(" + r + ") returned false (nothing delivered), yet receive() returned " + r,
          sorted({s, op})};
    auto [twice, fresh] = received.emplace(op.result, &op);
    if (!fresh)
      return Violation{r + " was sent once but received twice", sorted({s, *twice->second, op})};
  }
  if (capacity == 0) {
    for (const auto& s : ops) {
      if (s.method != kSend || s.pending() || s.result != 1) continue;
      const std::string v = std::to_string(s.arg);
      auto got = received.find(s.arg);
      if (got == received.end())
        return Violation{"send(" + v +
                             ") returned true on a rendezvous channel, but no receive() "
                             "ever got " +
                             v,
                         {s}};
      if (got->second->call > s.ret)
        return Violation{"send(" + v + ") returned before any receive() had taken " + v +
                             " (the receive() that got it began later): on a rendezvous channel "
                             "a send returns only once a receiver has its value",
                         sorted({s, *got->second})};
    }
  }
  bool all_receivers_saw_closed = false;
  for (const auto& op : ops)
    if (op.method == kReceive && op.result == kClosed && !op.pending())
      all_receivers_saw_closed = true;
  if (all_receivers_saw_closed)
    for (const auto& s : ops)
      if (s.method == kSend && !s.pending() && s.result == 1 && !received.count(s.arg)) {
        std::vector<Operation> w{s};
        if (const Operation* c = close_of(ops)) w.push_back(*c);
        for (const auto& op : ops)
          if (op.method == kReceive && op.result == kClosed && !op.pending()) w.push_back(op);
        return Violation{"send(" + std::to_string(s.arg) +
                             ") returned true, but no receive() ever returned it, and the "
                             "receivers were then told the channel was closed and empty: the "
                             "value was lost",
                         sorted(w)};
      }
  const ChannelSpec spec(ops, capacity);
  if (!spec.fits() || lin::linearizable(spec, ops)) return std::nullopt;
  std::vector<Operation> w = lin::minimise(spec, ops);
  return Violation{explain(w, capacity), w};
}

std::optional<Violation> stuck_after_close(const std::vector<Operation>& snapshot) {
  const Operation* close = close_of(snapshot);
  if (!close || close->pending()) return std::nullopt;
  long long delivered = 0, received = 0;
  for (const auto& op : snapshot) {
    if (op.method == kSend && !op.pending() && op.result == 1) ++delivered;
    if (op.method == kReceive && !op.pending() && op.result != kClosed) ++received;
  }
  std::vector<Operation> w{*close};
  std::string reason;
  for (const auto& op : snapshot) {
    if (!op.pending()) continue;
    if (op.method == kSend && op.call > close->ret) {
      w.push_back(op);
      reason = "send(" + std::to_string(op.arg) +
               ") is still waiting although close() returned before it began: a send on a closed "
               "channel must return false at once";
    } else if (op.method == kReceive && received >= delivered) {
      w.push_back(op);
      if (reason.empty())
        reason =
            "receive() is still waiting although close() has returned and every value sent "
            "was received: close() must wake every waiting receiver, and a receive on a "
            "closed, empty channel must report closed";
    }
  }
  if (w.size() == 1) return std::nullopt;
  return Violation{reason, sorted(w)};
}

std::string format(const std::vector<Operation>& w,
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
    if (!out.empty()) out += "\n";
    out += "[" + pos(op.call) + "," + (op.pending() ? std::string("-") : pos(op.ret)) + "] " +
           who(op.thread) + ": ";
    if (op.method == kSend)
      out += "send(" + std::to_string(op.arg) + ")";
    else
      out += op.method == kReceive ? "receive()" : "close()";
    if (op.pending())
      out += " (still waiting)";
    else if (op.method == kSend)
      out += op.result ? " -> true" : " -> false";
    else if (op.method == kReceive)
      out += op.result == kClosed ? " -> nullopt (closed)" : " -> " + std::to_string(op.result);
  }
  return out;
}

}  // namespace cj::channel
