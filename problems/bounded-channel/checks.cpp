// The compiled-once part of the Bounded Channel driver (checks.hpp).
#include "checks.hpp"

#include "cj/channel_linearizability.hpp"

namespace cj::bounded_channel {

namespace {

std::string name(const ChannelCase& c, int actor) {
  if (c.is_sender(actor)) return "sender " + std::to_string(actor + 1);
  if (c.is_receiver(actor)) return "receiver " + std::to_string(actor - c.senders + 1);
  return "closer";
}

}  // namespace

std::string ChannelCase::input() const {
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

const std::vector<ChannelCase>& channel_cases() {
  static const std::vector<ChannelCase> cases = {
      {0, 1, 3, 1}, {1, 1, 4, 1}, {0, 2, 2, 2}, {2, 2, 3, 1}, {1, 1, 3, 2},
      {0, 1, 2, 2}, {3, 3, 2, 2}, {1, 0, 0, 2}, {2, 1, 5, 3}, {0, 3, 1, 1},
  };
  return cases;
}

Check check_history(const ChannelCase& c, const std::vector<Operation>& ops) {
  const auto violation = channel::check(ops, c.capacity);
  if (!violation) return std::nullopt;
  Failure f;
  f.reason = violation->reason +
             " (the calls involved are listed as [call, return] positions in one order of "
             "events)";
  f.expected =
      "calls whose results some one-at-a-time order of them, respecting which call returned "
      "before which began, would give on a channel of capacity " +
      std::to_string(c.capacity);
  f.got = channel::format(violation->witness, [&c](int t) { return name(c, t); });
  return f;
}

std::string stuck_calls(const ChannelCase& c, const HistoryRecorder& history) {
  const auto stuck = channel::stuck_after_close(history.snapshot());
  std::string s;
  for (int a = 0; a < c.actors(); ++a) {
    if (history.begun(a) == history.returned(a)) continue;
    s += (s.empty() ? "" : ", ") + name(c, a) + " waits in " +
         (c.is_sender(a)     ? "send()"
          : c.is_receiver(a) ? "receive()"
                             : "close()");
  }
  if (!stuck) return s;
  return s + "; " + stuck->reason + ":\n" +
         channel::format(stuck->witness, [&c](int t) { return name(c, t); });
}

std::string method_name(const ChannelCase& c, int actor) {
  if (c.is_sender(actor)) return "send()";
  if (c.is_receiver(actor)) return "receive()";
  return "close()";
}

}  // namespace cj::bounded_channel
