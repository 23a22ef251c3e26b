// Bounded Channel, the part of the driver that does not need the learner's class: the cases and
// their input text, the check of a recorded history against Go's channel semantics and the stall
// text. Compiled once (checks.cpp), not with every submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/problem.hpp"

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

  std::string input() const;
};

const std::vector<ChannelCase>& channel_cases();

/// nullopt when the recorded calls are linearizable against a channel of c's capacity.
Check check_history(const ChannelCase& c, const std::vector<Operation>& ops);

/// For a stall: which thread waits in which call, and the calls that show receivers still
/// waiting once the channel is closed and empty.
std::string stuck_calls(const ChannelCase& c, const HistoryRecorder& history);

/// "send()", "receive()" or "close()".
std::string method_name(const ChannelCase& c, int actor);

}  // namespace cj::bounded_channel
