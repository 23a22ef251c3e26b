// The compiled-once part of the async-fan-out driver (checks.hpp).
#include "checks.hpp"

#include <atomic>
#include <cstdio>
#include <string>

namespace cj::fan_out {

namespace {

std::string ms(double ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", ns / 1e6);
  return buf;
}

/// Trials in a row, on real time, that could overlap and never did: one is not enough.
constexpr int kSequentialTrials = 3;
std::atomic<int>& real_time_streak() {
  static std::atomic<int> streak{0};
  return streak;
}

}  // namespace

Check check_limit(int k, int most) {
  if (most <= k) return std::nullopt;
  return Failure{"wrong_answer",
                 "at most k = " + std::to_string(k) + " requests may be in flight at once, but " +
                     std::to_string(most) +
                     " were: limit the requests sent and not yet answered (k workers, or a "
                     "counter of free slots), not only the threads or coroutines you start",
                 "at most " + std::to_string(k) + " in flight", std::to_string(most), ""};
}

Check check_in_flight_at_return(int in_flight) {
  return Failure{"wrong_answer",
                 "fetchAll returned while " + std::to_string(in_flight) + " request" +
                     (in_flight == 1 ? " was" : "s were") +
                     " still in flight: wait for every reply before returning",
                 "", "", ""};
}

Check check_overlap(const Timing& t) {
#if defined(__SANITIZE_THREAD__)
  return std::nullopt;
#endif
  const int m = t.at_once;
  if (m < 2) return std::nullopt;
  const int most = t.most_in_flight;
  const std::string took = "fetchAll took " + ms(t.elapsed_ns) +
                           (t.exact_time ? " of virtual time" : "") + " for " +
                           std::to_string(t.requests) + " requests whose replies take " +
                           ms(t.latency_sum_ns) + " in all";
  const std::string never =
      took + ", and never had two requests in flight at once (k = " + std::to_string(t.k) + ")";
  const std::string advice =
      ": a loop that waits for each reply before sending the next request waits for the sum "
      "of the latencies (a blocking call inside a coroutine does the same to its event loop); "
      "keep up to k requests in flight";
  if (t.exact_time && most < 2) return Failure{"not_concurrent", never + advice, "", "", ""};
  if (!one_thread_at_a_time()) {
    // On real time a loaded machine may stall a correct fan-out's second thread until the
    // first has finished, in one trial; a sequential answer never overlaps in any trial.
    const int streak = most < 2 ? real_time_streak().fetch_add(1) + 1 : 0;
    if (most >= 2) real_time_streak().store(0);
    if (streak >= kSequentialTrials)
      return Failure{"not_concurrent",
                     never + ", nor in the " + std::to_string(kSequentialTrials - 1) +
                         " trials before it" + advice,
                     "", "", ""};
  }
  if (!t.exact_time) return std::nullopt;
  const double bound = t.latency_sum_ns / m + (1.0 - 1.0 / m) * t.latency_max_ns;
  if (t.elapsed_ns <= 1.2 * bound + 1e6) return std::nullopt;
  return Failure{"not_concurrent",
                 took + ", while a fan-out that sends the next request as soon as one of its " +
                     std::to_string(m) + " slots frees up needs at most " + ms(bound) +
                     ": do not wait for a whole batch of replies before sending more",
                 "", "", ""};
}

}  // namespace cj::fan_out
