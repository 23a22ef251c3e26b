// Bounded Channel: senders, receivers and one close() on a Go-style channel. Every call's
// invocation and response is recorded and the history is judged against Go's channel semantics
// (cj/channel_linearizability.hpp); receivers still waiting once the channel is closed and empty
// are a stall, explained by the calls recorded so far that show it. The cases, the check of the
// history and the stall text are compiled once (checks.hpp); this file holds the trial that calls
// the learner's Channel.
#include "checks.hpp"
#include "cj/channel_linearizability.hpp"
#include "cj/harness.hpp"

namespace cj::bounded_channel {

class ChannelTrial final : public Trial {
 public:
  explicit ChannelTrial(const ChannelCase& c)
      : c_(c), channel_(c.capacity), history_(c.actors(), c.sends_each + c.total_sends() + 4) {}

  void run(int actor) override {
    if (c_.is_sender(actor)) {
      for (int j = 0; j < c_.sends_each; ++j) send(actor, ChannelCase::value(actor, j));
      if (senders_done_.fetch_add(1, std::memory_order_acq_rel) + 1 == c_.senders) {
        close(actor);
        send(actor, ChannelCase::late_value(actor));
      }
    } else if (c_.is_receiver(actor)) {
      // A correct channel ends every receiver with nullopt; a broken one may hand out values
      // forever, so stop after more receives than there were values.
      for (int j = 0; j <= c_.total_sends() + 1; ++j) {
        const auto slot = history_.begin(actor, channel::kReceive, 0);
        const std::optional<int> got = channel_.receive();
        const long long result = got ? *got : channel::kClosed;
        history_.end(actor, slot, result);
        if (!got) break;
      }
    } else {
      close(actor);
    }
  }

  Check check() override { return check_history(c_, history_.operations()); }

  std::string stuck_state() const override { return stuck_calls(c_, history_); }

 private:
  void send(int actor, int v) {
    const auto slot = history_.begin(actor, channel::kSend, v);
    const bool ok = channel_.send(v);
    history_.end(actor, slot, ok ? 1 : 0);
  }

  void close(int actor) {
    const auto slot = history_.begin(actor, channel::kClose, 0);
    channel_.close();
    history_.end(actor, slot, 0);
  }

  const ChannelCase& c_;
  ::Channel channel_;
  HistoryRecorder history_;
  std::atomic<int> senders_done_{0};
};

class BoundedChannel final : public Problem {
 public:
  std::string slug() const override { return "bounded-channel"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : channel_cases()) cases.push_back({c.input(), c.actors(), {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<ChannelTrial>(find(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return method_name(find(c), actor);
  }

 private:
  static const ChannelCase& find(const Case& c) {
    return channel_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(BoundedChannel);

}  // namespace cj::bounded_channel
