// The one message a submission's process sends to the judge: its outcome, as a JSON line on the
// result descriptor the judge passed in. Written at most once per process.
#pragma once

#include "runner.hpp"

namespace cj {

void set_result_fd(int fd);

/// Writes the outcome unless one was written already, or this is a child the solution forked;
/// returns false in those cases.
bool write_outcome(const Outcome& outcome, const RunOptions& options, double run_s);

}  // namespace cj
