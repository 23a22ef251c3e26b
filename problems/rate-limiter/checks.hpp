// Rate Limiter, the part of the driver that does not need the learner's class: the cases, the
// record of one call, and the checks of the calls recorded (the window bound, refusals while the
// bucket was full, and whether waiting callers blocked). Compiled once (checks.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cj/idle_cpu.hpp"
#include "cj/problem.hpp"

namespace cj::rate_limiter {

struct LimitCase {
  int rate;           // tokens per second
  int burst;          // bucket size; the bucket starts full
  int acquirers;      // actors calling acquire() back to back
  int acquires_each;  // half before the pause, half after
  int pause_us;       // every actor pauses this long halfway (the bucket refills meanwhile)
  int triers;         // actors calling tryAcquire() every try_gap_us
  int tries_each;
  int try_gap_us;

  int actors() const { return acquirers + triers; }
  bool is_acquirer(int a) const { return a < acquirers; }
  std::int64_t interval_ns() const { return 1000000000LL / rate; }

  std::string input() const;
};

const std::vector<LimitCase>& limit_cases();

/// One call: when it began and returned on the solution's clock, and whether it got a token.
struct Call {
  std::int64_t call_ns = 0;
  std::int64_t ret_ns = -1;  // -1: never returned
  bool granted = false;
  bool is_try = false;
  int actor = 0;
};

/// The checks once every call returned: calls_[a] holds actor a's calls, waits[a] acquirer a's
/// waiting calls in real time.
Check check_calls(const LimitCase& c, const std::vector<std::vector<Call>>& calls,
                  const std::vector<IdleWindow>& waits);

}  // namespace cj::rate_limiter
