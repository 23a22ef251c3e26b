// The compiled-once part of the Select over Channels driver (checks.hpp).
#include "checks.hpp"

#include "cj/channel_linearizability.hpp"

namespace cj::channel_select {

namespace {

std::string name(const SelectCase& c, int actor) {
  if (actor >= kFiredSelect) return name(c, actor - kFiredSelect) + " via select()";
  if (c.fairness) return "the thread";
  if (c.is_sender(actor)) return "sender on channel " + std::to_string(actor);
  if (c.is_selector(actor)) return "selector " + std::to_string(actor - c.channels + 1);
  return "receiver on channel 0";
}

/// The calls on channel ch, a fired select becoming a receive.
std::vector<Operation> project(const std::vector<Operation>& ops, int ch) {
  std::vector<Operation> out;
  for (Operation op : ops) {
    if (op.method == kSelect) {
      if (op.pending() || op.result == kDefault || op.result / kSlot != ch) continue;
      const long long v = op.result % kSlot;
      op.method = channel::kReceive;
      op.result = v == kSlot - 1 ? channel::kClosed : v;
      op.thread += kFiredSelect;
      out.push_back(op);
    } else if (op.method / 10 == ch) {
      op.method %= 10;
      out.push_back(op);
    }
  }
  return out;
}

Check check_defaults(const SelectCase& c, const std::vector<Operation>& ops) {
  for (const auto& d : ops) {
    if (d.method != kSelect || d.result != kDefault || d.pending()) continue;
    for (int ch = 0; ch < c.channels; ++ch) {
      if (!((d.arg / 2) >> ch & 1)) continue;
      const auto part = project(ops, ch);
      for (const auto& op : part) {
        std::string why;
        if (op.method == channel::kClose && op.ret < d.call)
          why = "channel " + std::to_string(ch) + " had been closed before the select began";
        if (op.method == channel::kSend && op.result == 1 && op.ret < d.call) {
          bool out_before_end = false;
          for (const auto& r : part)
            if (r.method == channel::kReceive && r.result == op.arg && r.call < d.ret)
              out_before_end = true;
          if (!out_before_end)
            why = "channel " + std::to_string(ch) + " held " + std::to_string(op.arg) +
                  " for the whole call (sent before it began, received only after it returned)";
        }
        if (why.empty()) continue;
        Failure f;
        f.reason = name(c, d.thread) + "'s select with default returned the default although " +
                   why + ": the default may fire only when no channel is ready";
        return f;
      }
    }
  }
  return std::nullopt;
}

Check check_fairness(const SelectCase& c, const std::vector<Operation>& ops) {
  int fired[2] = {0, 0};
  for (const auto& op : ops)
    if (op.method == kSelect && op.result >= 0 && op.result / kSlot < 2) ++fired[op.result / kSlot];
  for (int ch = 0; ch < 2; ++ch)
    if (auto v = channel::check(project(ops, ch), 40)) {
      Failure f;
      f.reason = "on channel " + std::to_string(ch) + ": " + v->reason;
      f.got = channel::format(v->witness, [&c](int t) { return name(c, t); });
      return f;
    }
  if (fired[0] && fired[1]) return std::nullopt;
  Failure f;
  const int starved = fired[0] ? 1 : 0;
  f.reason = "both channels held values for all 40 selects, yet channel " +
             std::to_string(starved) +
             " never fired: a select that always prefers the same ready channel starves the "
             "others (start the scan at a random or rotating position)";
  f.expected = "both channels fire at least once in 40 selects";
  f.got = "channel 0 fired " + std::to_string(fired[0]) + " times, channel 1 " +
          std::to_string(fired[1]) + " times";
  return f;
}

}  // namespace

std::string SelectCase::input() const {
  if (fairness)
    return "one thread: 40 values sent on each of 2 channels (capacity 40), then 40 selects";
  std::string s = std::to_string(channels) + " channels of capacity " + std::to_string(capacity) +
                  ", each with a sender of " + std::to_string(sends_each) +
                  " values that then closes it, " + std::to_string(selectors) + " selector" +
                  (selectors == 1 ? "" : "s");
  if (defaults)
    s += " (each first calls select with default " + std::to_string(defaults) + " times)";
  if (plain_receiver) s += ", a receiver calling receive() on channel 0 until closed";
  return s;
}

const std::vector<SelectCase>& select_cases() {
  static const std::vector<SelectCase> cases = {
      {1, 2, 3, 1, false, 0, false}, {2, 2, 4, 2, false, 0, false},  {1, 3, 2, 2, false, 0, false},
      {1, 2, 3, 1, true, 0, false},  {2, 2, 2, 1, false, 3, false},  {1, 3, 2, 1, true, 2, false},
      {3, 2, 4, 2, true, 0, false},  {40, 2, 40, 1, false, 0, true},
  };
  return cases;
}

Check check_history(const SelectCase& c, const std::vector<Operation>& ops) {
  for (const auto& op : ops) {
    if (op.method != kSelect || op.result == kDefault) continue;
    if (op.result < 0 || op.result / kSlot >= c.channels) {
      Failure f;
      f.reason = "select() returned index " + std::to_string(op.result / kSlot) +
                 ", which is not a position in the list it was given";
      return f;
    }
  }
  if (c.fairness) return check_fairness(c, ops);
  for (int ch = 0; ch < c.channels; ++ch) {
    const auto part = project(ops, ch);
    if (auto v = channel::check(part, c.capacity)) {
      Failure f;
      f.reason = "on channel " + std::to_string(ch) + ": " + v->reason +
                 " (a select that fired on it counts as a receive; the calls are listed as "
                 "[call, return] positions in one order of events)";
      f.expected = "every channel's calls linearizable against a buffered channel of capacity " +
                   std::to_string(c.capacity);
      f.got = channel::format(v->witness, [&c](int t) { return name(c, t); });
      return f;
    }
  }
  return check_defaults(c, ops);
}

std::string stuck_calls(const SelectCase& c, const HistoryRecorder& history) {
  std::string s;
  for (int a = 0; a < c.actors(); ++a) {
    if (history.begun(a) == history.returned(a)) continue;
    s += (s.empty() ? "" : ", ") + name(c, a) + " waits in " +
         (c.is_sender(a)     ? "send() or close()"
          : c.is_selector(a) ? "select()"
                             : "receive()");
  }
  return s;
}

}  // namespace cj::channel_select
