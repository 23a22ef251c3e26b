// Select over Channels: senders on two or three channels, threads selecting over them (some with
// a default first), sometimes a plain receiver competing. Every call is recorded; a select that
// fired is a receive on the channel it returned, so each channel's projection of the history is
// judged on its own against a buffered channel (cj/channel_linearizability.hpp; linearizability
// is local, so the whole history is linearizable exactly when every channel's part is). Defaults
// are checked against values that were buffered for the whole call, and one single-thread case
// checks that select does not always prefer the same ready channel.
// This file holds what needs the learner's class (the trial that calls it); the cases, the check
// of the history and the stall text are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/channel_linearizability.hpp"
#include "cj/harness.hpp"

namespace cj::channel_select {

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

  Check check() override { return check_history(c_, history_.operations()); }

  std::string stuck_state() const override { return stuck_calls(c_, history_); }

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

  void run_fairness() {
    for (int ch = 0; ch < 2; ++ch)
      for (int j = 0; j < 40; ++j) send(0, ch, SelectCase::value(ch, j));
    const std::vector<int> both{0, 1};
    for (int k = 0; k < 40; ++k) select(0, both, false);
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
