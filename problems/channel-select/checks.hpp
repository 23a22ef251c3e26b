// Select over Channels, the part of the driver that does not need the learner's class: the cases,
// the check of a recorded history (each channel's projection against a buffered channel, the
// defaults, the fairness case) and the stall text. Compiled once (checks.cpp), not with every
// submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/problem.hpp"

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

  std::string input() const;
};

const std::vector<SelectCase>& select_cases();

/// nullopt when every select returned a position of its list, every channel's calls (a select
/// that fired on it counting as a receive) are linearizable against a buffered channel, and no
/// default fired while a channel was ready; in the fairness case, when both channels fired.
Check check_history(const SelectCase& c, const std::vector<Operation>& ops);

/// For a stall: which thread waits in which call.
std::string stuck_calls(const SelectCase& c, const HistoryRecorder& history);

}  // namespace cj::channel_select
