// The unisex bathroom, the part of the driver that does not need the learner's class: the queues,
// the events useBathroom() logs, and the replay of that log. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/problem.hpp"

namespace cj::unisex_bathroom {

enum What { kEnter, kLeave };

struct Queue {
  int capacity;
  std::string people;   // 'W' and 'M', one thread each
  bool stream = false;  // a fairness case: people[1] waits while people[2] arrives (see above)
  std::string input() const;
};

/// Fixed queues that stress particular arrivals, then pseudo-random ones of more sizes.
std::vector<Queue> queues();

/// Replays the log (see driver.hpp); `second_was_waiting`: in a stream case, person 1 was
/// waiting when the others came along. nullopt when the log tells a correct story.
Check check_log(const Queue& queue, const EventLog& log, bool second_was_waiting);

/// For a stall: how many had gone in and how many were inside.
std::string stuck_text(const Queue& queue, const EventLog& log);

}  // namespace cj::unisex_bathroom
