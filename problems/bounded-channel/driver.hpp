// Bounded Channel: senders, receivers and one close() on a Go-style channel. Every call's
// invocation and response is recorded and the history is judged against Go's channel semantics
// (cj/channel_linearizability.hpp); receivers still waiting once the channel is closed and empty
// are a stall, explained by the calls recorded so far that show it.
#include "cj/channel_linearizability.hpp"
#include "cj/harness.hpp"
#include "cj/history.hpp"

namespace cj::bounded_channel {

struct ChannelCase {
  int capacity;
  int senders;
  int sends_each;
  int receivers;

  /// Without senders, one extra actor closes the channel (receivers wait on an empty channel).
  int actors() const { return senders + receivers + (senders ? 0 : 1); }
  bool is_sender(int a) const { return a < senders; }
  bool is_receiver(int a) const { return a >= senders && a < senders + receivers; }
  int total_sends() const { return senders * sends_each; }
  /// Value j (0-based) of sender s: unique in a trial, readable ("203": sender 2's 3rd).
  static int value(int s, int j) { return (s + 1) * 100 + j + 1; }
  /// The value the closing sender tries to send after close(): must be refused.
  static int late_value(int s) { return (s + 1) * 100 + 99; }

  std::string input() const {
    std::string s = "capacity = " + std::to_string(capacity) + ", ";
    if (senders)
      s += std::to_string(senders) + " sender" + (senders == 1 ? "" : "s") + " sending " +
           std::to_string(sends_each) + (senders == 1 ? "" : " each") +
           " (the last to finish calls close() and one more send)";
    else
      s += "no senders, one thread calls close()";
    s += ", " + std::to_string(receivers) + " receiver" + (receivers == 1 ? "" : "s") +
         " calling receive() until nullopt";
    return s;
  }
};

inline const std::vector<ChannelCase>& channel_cases() {
  static const std::vector<ChannelCase> cases = {
      {0, 1, 3, 1}, {1, 1, 4, 1}, {0, 2, 2, 2}, {2, 2, 3, 1}, {1, 1, 3, 2},
      {0, 1, 2, 2}, {3, 3, 2, 2}, {1, 0, 0, 2}, {2, 1, 5, 3}, {0, 3, 1, 1},
  };
  return cases;
}

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

  Check check() override {
    const auto violation = channel::check(history_.operations(), c_.capacity);
    if (!violation) return std::nullopt;
    Failure f;
    f.reason = violation->reason +
               " (the calls involved are listed as [call, return] positions in one order of "
               "events)";
    f.expected =
        "calls whose results some one-at-a-time order of them, respecting which call returned "
        "before which began, would give on a channel of capacity " +
        std::to_string(c_.capacity);
    f.got = channel::format(violation->witness, [this](int t) { return name(t); });
    return f;
  }

  std::string stuck_state() const override {
    const auto stuck = channel::stuck_after_close(history_.snapshot());
    std::string s;
    for (int a = 0; a < c_.actors(); ++a) {
      if (history_.begun(a) == history_.returned(a)) continue;
      s += (s.empty() ? "" : ", ") + name(a) + " waits in " +
           (c_.is_sender(a)     ? "send()"
            : c_.is_receiver(a) ? "receive()"
                                : "close()");
    }
    if (!stuck) return s;
    return s + "; " + stuck->reason + ":\n" +
           channel::format(stuck->witness, [this](int t) { return name(t); });
  }

  std::string name(int actor) const {
    if (c_.is_sender(actor)) return "sender " + std::to_string(actor + 1);
    if (c_.is_receiver(actor)) return "receiver " + std::to_string(actor - c_.senders + 1);
    return "closer";
  }

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
    const ChannelCase& k = find(c);
    if (k.is_sender(actor)) return "send()";
    if (k.is_receiver(actor)) return "receive()";
    return "close()";
  }

 private:
  static const ChannelCase& find(const Case& c) {
    return channel_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(BoundedChannel);

}  // namespace cj::bounded_channel
