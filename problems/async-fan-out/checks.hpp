// async-fan-out, the part of the driver that does not need the learner's class: the checks of
// the limit k, of requests left in flight, and of whether the requests overlapped. Compiled once
// (checks.cpp), not with every submission. The cases and the checks of the requests and totals
// stay in driver.hpp: they read before.hpp's Shop and ServiceLog, and before.hpp needs the
// prelude.
#pragma once

#include <cstddef>

#include "cj/problem.hpp"

namespace cj::fan_out {

/// nullopt when at most k requests were ever in flight at once (`most`).
Check check_limit(int k, int most);

/// nullopt when no request was still in flight when fetchAll returned.
Check check_in_flight_at_return(int in_flight);

/// What check_overlap() reads of one trial: the case and the service's count (before.hpp's
/// FanCase and ServiceLog, field by field), and what the trial measured.
struct Timing {
  int k;
  int at_once;            // the case's at_once(): k, or fewer shops
  std::size_t requests;   // one per shop
  int most_in_flight;     // the service's max_in_flight
  double elapsed_ns;      // fetchAll's duration
  double latency_sum_ns;  // the replies' latencies, on the trial's clock
  double latency_max_ns;
  bool exact_time;  // explore's exact virtual time
};

/// Not concurrent: with k >= 2, never two requests in flight at once (in three trials in a row
/// on real time, in one on explore's exact virtual time); or, on explore's exact virtual time,
/// longer than any schedule that refills each free slot at once may take (Graham's bound for
/// list scheduling: sum/k + (1 - 1/k) * slowest), with a margin.
/// Real time is never compared with a bound: a loaded machine stretches it. ThreadSanitizer
/// slows thread starts by milliseconds, so no overlap check is made there.
Check check_overlap(const Timing& t);

}  // namespace cj::fan_out
