// River crossing, the part of the driver that does not need the learner's class: the crowds, the
// events the callbacks log, and the replay of that log. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/problem.hpp"

namespace cj::river_crossing {

enum What { kBoard, kRow };

/// Fixed crowds that stress particular arrivals, then pseudo-random ones of more sizes. Every
/// crowd has an even number of each kind and a multiple of four in all, so everyone can cross.
const std::vector<std::string>& crowds();

/// Replays the log (see driver.hpp); nullopt when it tells a correct story.
Check check_log(const std::string& crowd, const EventLog& log);

/// For a stall: how many had boarded and how many boats had been rowed.
std::string stuck_text(const std::string& crowd, const EventLog& log);

}  // namespace cj::river_crossing
