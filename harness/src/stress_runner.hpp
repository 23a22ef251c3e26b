// Stress mode: real threads, many trials, random start order and delays.
//
// Like jcstress, one long-lived worker thread per actor sweeps a batch of fresh trials, so a trial
// costs an object and a few calls instead of thread creation. Each batch draws how the workers
// start (together, staggered by the case's start order, or with random head starts) and a random
// per-trial jitter, so that many different interleavings are met.
#pragma once

#include "runner.hpp"

namespace cj {

Outcome run_stress(const Problem& problem, const RunOptions& options);

/// The slow way, kept as the benchmark's baseline: fresh threads for every trial.
Outcome run_fresh_threads(const Problem& problem, const RunOptions& options);

}  // namespace cj
