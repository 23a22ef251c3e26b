// Select over Channels: senders on two or three channels, threads selecting over them (some with
// a default first), sometimes a plain receiver competing. Every call is recorded; a select that
// fired is a receive on the channel it returned, so each channel's projection of the history is
// judged on its own against a buffered channel (cj/channel_linearizability.hpp; linearizability
// is local, so the whole history is linearizable exactly when every channel's part is). Defaults
// are checked against values that were buffered for the whole call, and one single-thread case
// checks that select does not always prefer the same ready channel.
#include "cj/channel_linearizability.hpp"
#include "cj/harness.hpp"
#include "cj/history.hpp"

namespace cj::channel_select {

/// Recorded methods: a channel call's method is channel::Method + 10 * channel index.
inline constexpr int kSelect = 3;
inline constexpr long long kDefault = -1;
/// A select's result: index * kSlot + value (kSlot - 1: closed).
inline constexpr long long kSlot = 1000000;
/// Added to the thread of a select projected as a receive, so that name() shows it as a select.
inline constexpr int kFiredSelect = 1000;

struct SelectCase {
  int capacity;
  int channels;
  int sends_each;  // one sender per channel
  int selectors;
  bool plain_receiver;  // a thread calling receive() on channel 0 until it is closed
  int defaults;         // select(..., true) calls each selector makes first
  bool fairness;        // the single-thread fairness case (the fields above are ignored)

  int actors() const { return fairness ? 1 : channels + selectors + (plain_receiver ? 1 : 0); }
  bool is_sender(int a) const { return !fairness && a < channels; }
  bool is_selector(int a) const { return !fairness && a >= channels && a < channels + selectors; }
  static int value(int ch, int j) { return (ch + 1) * 100 + j + 1; }

  std::string input() const {
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
};

inline const std::vector<SelectCase>& select_cases() {
  static const std::vector<SelectCase> cases = {
      {1, 2, 3, 1, false, 0, false}, {2, 2, 4, 2, false, 0, false},  {1, 3, 2, 2, false, 0, false},
      {1, 2, 3, 1, true, 0, false},  {2, 2, 2, 1, false, 3, false},  {1, 3, 2, 1, true, 2, false},
      {3, 2, 4, 2, true, 0, false},  {40, 2, 40, 1, false, 0, true},
  };
  return cases;
}

class SelectTrial final : public Trial {
 public:
  explicit SelectTrial(const SelectCase& c)
      : c_(c), history_(c.actors(), c.fairness ? 130 : c.channels * c.sends_each + c.defaults + 8) {
    for (int i = 0; i < c.channels; ++i)
      channels_.push_back(std::make_unique<::Channel>(c.capacity));
  }

  void run(int actor) override {
    if (c_.fairness) return run_fairness();
    if (c_.is_sender(actor)) {
      for (int j = 0; j < c_.sends_each; ++j) send(actor, actor, SelectCase::value(actor, j));
      const auto slot = history_.begin(actor, channel::kClose + 10 * actor, 0);
      channels_[actor]->close();
      history_.end(actor, slot, 0);
    } else if (c_.is_selector(actor)) {
      std::vector<int> open;
      for (int i = 0; i < c_.channels; ++i) open.push_back(i);
      for (int k = 0; k < c_.defaults; ++k) select(actor, open, true);
      const int limit = c_.channels * c_.sends_each + c_.channels + 1;
      for (int k = 0; k < limit && !open.empty(); ++k) {
        const auto [index, value] = select(actor, open, false);
        if (index < 0 || index >= static_cast<int>(open.size())) break;
        if (!value) open.erase(open.begin() + index);
      }
    } else {
      for (int k = 0; k <= c_.sends_each + 1; ++k) {
        const auto slot = history_.begin(actor, channel::kReceive, 0);
        const std::optional<int> got = channels_[0]->receive();
        history_.end(actor, slot, got ? *got : channel::kClosed);
        if (!got) break;
      }
    }
  }

  Check check() override {
    const auto ops = history_.operations();
    for (const auto& op : ops) {
      if (op.method != kSelect || op.result == kDefault) continue;
      if (op.result < 0 || op.result / kSlot >= c_.channels) {
        Failure f;
        f.reason = "select() returned index " + std::to_string(op.result / kSlot) +
                   ", which is not a position in the list it was given";
        return f;
      }
    }
    if (c_.fairness) return check_fairness(ops);
    for (int ch = 0; ch < c_.channels; ++ch) {
      const auto part = project(ops, ch);
      if (auto v = channel::check(part, c_.capacity)) {
        Failure f;
        f.reason = "on channel " + std::to_string(ch) + ": " + v->reason +
                   " (a select that fired on it counts as a receive; the calls are listed as "
                   "[call, return] positions in one order of events)";
        f.expected = "every channel's calls linearizable against a buffered channel of capacity " +
                     std::to_string(c_.capacity);
        f.got = channel::format(v->witness, [this](int t) { return name(t); });
        return f;
      }
    }
    return check_defaults(ops);
  }

  std::string stuck_state() const override {
    std::string s;
    for (int a = 0; a < c_.actors(); ++a) {
      if (history_.begun(a) == history_.returned(a)) continue;
      s += (s.empty() ? "" : ", ") + name(a) + " waits in " +
           (c_.is_sender(a)     ? "send() or close()"
            : c_.is_selector(a) ? "select()"
                                : "receive()");
    }
    return s;
  }

  std::string name(int actor) const {
    if (actor >= kFiredSelect) return name(actor - kFiredSelect) + " via select()";
    if (c_.fairness) return "the thread";
    if (c_.is_sender(actor)) return "sender on channel " + std::to_string(actor);
    if (c_.is_selector(actor)) return "selector " + std::to_string(actor - c_.channels + 1);
    return "receiver on channel 0";
  }

 private:
  void send(int actor, int ch, int v) {
    const auto slot = history_.begin(actor, channel::kSend + 10 * ch, v);
    const bool ok = channels_[ch]->send(v);
    history_.end(actor, slot, ok ? 1 : 0);
  }

  /// One select over the channels in `open` (their indices); records which channel fired.
  std::pair<int, std::optional<int>> select(int actor, const std::vector<int>& open, bool dflt) {
    std::vector<::Channel*> list;
    long long mask = 0;
    for (int ch : open) list.push_back(channels_[ch].get()), mask |= 1LL << ch;
    const auto slot = history_.begin(actor, kSelect, mask * 2 + (dflt ? 1 : 0));
    const auto got = ::Channel::select(list, dflt);
    long long result = kDefault;
    if (got.first >= 0 && got.first < static_cast<int>(open.size()))
      result = open[got.first] * kSlot + (got.second ? *got.second : kSlot - 1);
    else if (got.first != -1 || !dflt)
      result = static_cast<long long>(c_.channels) * kSlot;  // out of range, reported by check()
    history_.end(actor, slot, result);
    return got;
  }

  /// The calls on channel ch, a fired select becoming a receive.
  static std::vector<Operation> project(const std::vector<Operation>& ops, int ch) {
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

  Check check_defaults(const std::vector<Operation>& ops) const {
    for (const auto& d : ops) {
      if (d.method != kSelect || d.result != kDefault || d.pending()) continue;
      for (int ch = 0; ch < c_.channels; ++ch) {
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
          f.reason = name(d.thread) + "'s select with default returned the default although " +
                     why + ": the default may fire only when no channel is ready";
          return f;
        }
      }
    }
    return std::nullopt;
  }

  void run_fairness() {
    for (int ch = 0; ch < 2; ++ch)
      for (int j = 0; j < 40; ++j) send(0, ch, SelectCase::value(ch, j));
    const std::vector<int> both{0, 1};
    for (int k = 0; k < 40; ++k) select(0, both, false);
  }

  Check check_fairness(const std::vector<Operation>& ops) const {
    int fired[2] = {0, 0};
    for (const auto& op : ops)
      if (op.method == kSelect && op.result >= 0 && op.result / kSlot < 2)
        ++fired[op.result / kSlot];
    for (int ch = 0; ch < 2; ++ch)
      if (auto v = channel::check(project(ops, ch), 40)) {
        Failure f;
        f.reason = "on channel " + std::to_string(ch) + ": " + v->reason;
        f.got = channel::format(v->witness, [this](int t) { return name(t); });
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

  const SelectCase& c_;
  std::vector<std::unique_ptr<::Channel>> channels_;
  HistoryRecorder history_;
};

class ChannelSelect final : public Problem {
 public:
  std::string slug() const override { return "channel-select"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : select_cases()) cases.push_back({c.input(), c.actors(), {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<SelectTrial>(find(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    const SelectCase& k = find(c);
    if (k.fairness) return "send() and select()";
    if (k.is_sender(actor)) return "send()";
    if (k.is_selector(actor)) return "select()";
    return "receive()";
  }

 private:
  static const SelectCase& find(const Case& c) {
    for (const auto& k : select_cases())
      if (k.input() == c.input) return k;
    return select_cases().front();
  }
};

CJ_PROBLEM(ChannelSelect);

}  // namespace cj::channel_select
