// The compiled-once part of the Pipeline with Back-Pressure driver (checks.hpp).
#include "checks.hpp"

namespace cj::pipeline {

namespace {

Check check_error(const PipelineCase& c, const PipelineLog& log, const RunEnd& end) {
  Failure f;
  const std::string expected = "work(" + std::to_string(c.poison) + ") failed";
  if (!end.threw || end.error != expected) {
    f.reason = end.threw ? "run() threw \"" + end.error + "\", not the error work() threw"
                         : "work(" + std::to_string(c.poison) +
                               ") threw, but run() returned normally: the first error must come "
                               "back out of run()";
    f.expected = "run() throws runtime_error(\"" + expected + "\")";
    f.got = end.threw ? end.error : "run() returned";
    return f;
  }
  for (int i = 1; i <= c.items; ++i) {
    const int w = log.worked[i].load(std::memory_order_relaxed);
    const int e = log.emitted[i].load(std::memory_order_relaxed);
    if (w <= 1 && e <= w) continue;
    f.reason = "item " + std::to_string(i) + " went through work() " + std::to_string(w) +
               " times and reached emit() " + std::to_string(e) +
               " times: after an error, items may be dropped, but none may be processed or "
               "emitted twice";
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::string PipelineCase::input() const {
  std::string s = "workers = " + std::to_string(workers) +
                  ", capacity = " + std::to_string(capacity) + ", items 1.." +
                  std::to_string(items);
  if (poison) s += ", work(" + std::to_string(poison) + ") throws";
  return s;
}

const std::vector<PipelineCase>& pipeline_cases() {
  static const std::vector<PipelineCase> cases = {
      {2, 1, 6, 0}, {1, 1, 8, 0},  {3, 3, 12, 0}, {2, 3, 8, 0},  {3, 1, 3, 0}, {3, 1, 1, 0},
      {4, 3, 2, 0}, {2, 1, 10, 3}, {3, 1, 12, 5}, {1, 3, 10, 2}, {4, 1, 6, 0},
  };
  return cases;
}

Check check_log(const PipelineCase& c, const PipelineLog& log, const RunEnd& end) {
  Failure f;
  const int max = log.max_in_flight.load(std::memory_order_relaxed);
  if (max > c.bound()) {
    f.reason = "at one point " + std::to_string(max) +
               " items had been read by next() and not yet emitted, but the channels, workers "
               "and the two end stages hold at most 2 x capacity + workers + 2 = " +
               std::to_string(c.bound()) +
               ": some stage buffers without bound instead of waiting for room (no back-pressure)";
    f.expected = "at most " + std::to_string(c.bound()) + " items in flight";
    f.got = std::to_string(max) + " items in flight";
    return f;
  }
  if (const int item = log.overlap_item.load(std::memory_order_relaxed)) {
    f.reason = "two threads ran work(" + std::to_string(item) +
               ") at the same time: an item belongs to one stage at a time";
    return f;
  }
  if (const int value = log.bad_emit.load(std::memory_order_relaxed)) {
    f.reason = "emit() received " + std::to_string(value) +
               ", which is not the result of a work() call that returned";
    return f;
  }
  if (c.poison) return check_error(c, log, end);
  for (int i = 1; i <= c.items; ++i) {
    const int w = log.worked[i].load(std::memory_order_relaxed);
    const int e = log.emitted[i].load(std::memory_order_relaxed);
    if (w == 1 && e == 1) continue;
    f.reason = "item " + std::to_string(i) + " went through work() " + std::to_string(w) +
               (w == 1 ? " time" : " times") + " and its result reached emit() " +
               std::to_string(e) + (e == 1 ? " time" : " times") +
               ": every item must be processed and emitted exactly once";
    f.expected =
        "work(" + std::to_string(i) + ") once, emit(" + std::to_string(result_of(i)) + ") once";
    f.got = "work " + std::to_string(w) + "x, emit " + std::to_string(e) + "x";
    return f;
  }
  if (end.threw) {
    f.reason = "run() threw (" + end.error + ") although no work() call failed";
    return f;
  }
  return std::nullopt;
}

}  // namespace cj::pipeline
