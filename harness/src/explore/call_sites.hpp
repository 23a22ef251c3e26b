// Which instrumented call sites are the learner's (tsan_entry_points.cpp passes the address of
// each call): the line table names the learner's file for the site, or for a function it was
// inlined into (source_lines.hpp). Only the learner's atomics are scheduling points and only the
// learner's memory accesses are checked for races: the driver's recorders (a history's clock,
// an event counter) and the standard library's own code called from outside the learner's code
// stay single steps of the code around them.
#pragma once

#include <cstdint>

namespace cj::explore {

/// 1: the learner's; 0: not; -1: not classified yet. Read without any lock.
int cached_site(std::uintptr_t caller) noexcept;

/// Classifies `caller` (once per site; the scheduler's lock held, on a controlled thread).
bool learner_site(std::uintptr_t caller) noexcept;

/// Every site counts as the learner's (for the model tests, whose toy programs are not in the
/// learner's file).
void count_every_site_as_learners(bool on);

}  // namespace cj::explore
