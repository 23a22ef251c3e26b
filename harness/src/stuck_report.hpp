// Turning "the trial stopped making progress" into a verdict a learner can act on.
#pragma once

#include <sys/types.h>

#include <vector>

#include "runner.hpp"

namespace cj {

struct StuckActor {
  int actor;
  int trial;
  pid_t tid;
  bool spinning;
};

/// Blocked threads only: `deadlock`; any thread still burning CPU: `time_limit` (busy-waiting
/// for something that never happens). The reason names every thread and the method it is in.
/// trial_state is what the stuck trial's Trial::stuck_state() said (may be empty).
Outcome describe_stuck(const Problem& problem, const Case& c, std::vector<StuckActor> stuck,
                       double stall_s, const std::string& trial_state);

/// `leaked_thread` when the process has more threads than baseline after a grace period.
Outcome check_leaked_threads(int baseline_threads);

}  // namespace cj
