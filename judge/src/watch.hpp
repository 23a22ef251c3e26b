// `cj watch PROBLEM FILE`: practise in a terminal. Writes the stub when FILE does not exist,
// judges FILE on every save (inotify on its folder, so editors that save by renaming count),
// shows the verdict and the failing schedule, reveals the next hint on `h`, quits on `q`, and
// with --interview counts down the minutes left. Every verdict is recorded as progress.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "catalog.hpp"

namespace cj {

struct WatchOptions {
  std::string file;
  std::optional<double> interview_minutes;
  std::optional<double> budget_s;  // per judgement; the problem's own budget by default
  Mode mode = Mode::standard;
};

/// Runs until `q` (or end of input); exit status 0.
int cmd_watch(const ProblemInfo& problem, const WatchOptions& options, std::ostream& out);

}  // namespace cj
