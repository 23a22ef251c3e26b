// The compiled-once part of the event-loop-offload driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <cstdio>

namespace cj::event_loop_offload {

namespace {

// ThreadSanitizer makes the loop's own bookkeeping (a thread start or join, Asio's locks) cost
// 5-20 times its CPU time, while a job's 10 ms stay 10 ms: a correct polling loop was measured at
// 6 ms between two ticks there. Under it the gaps are not judged (stress and explore judge them);
// a job run on the loop's thread is still rejected, by the thread it ran on.
#if defined(__SANITIZE_THREAD__)
constexpr bool kJudgeCpuGaps = false;
#else
constexpr bool kJudgeCpuGaps = true;
#endif

std::string ms(std::int64_t ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(ns) / 1e6);
  return buf;
}

}  // namespace

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      {"4 jobs submitted by one tick", Pattern::burst, 4},
      {"5 jobs, one submitted per tick", Pattern::one_per_tick, 5},
      {"3 jobs chained: each submitted by the on_done of the one before", Pattern::chain, 3},
      {"8 jobs submitted by one tick, more than a small pool has threads", Pattern::burst, 8},
  };
  return all;
}

std::string OffloadRecord::stuck_state() const {
  std::string waiting;
  for (int i = 0; i < s_.jobs; ++i) {
    const JobLog& j = log(i);
    if (!j.submitted.load(relaxed) || j.calls.load(relaxed) > 0) continue;
    waiting += (waiting.empty() ? "" : "; ") + job(i) +
               (j.finished.load(relaxed)  ? " finished, but on_done was never called"
                : j.started.load(relaxed) ? " is still running"
                                          : " was submitted but never started");
  }
  if (!waiting.empty()) return waiting;
  if (shutdown_called_.load(relaxed) && !shutdown_returned_.load(relaxed))
    return "shutdown() has not returned";
  return {};
}

Check OffloadRecord::failure_so_far() const { return first_.so_far(); }

Check OffloadRecord::check() {
  const std::string unit = virtual_ ? " (virtual time)" : " of the loop thread's CPU time";
  for (int i = 0; i < s_.jobs; ++i) {
    const JobLog& j = log(i);
    if (j.started.load(relaxed) && j.thread.load(relaxed) == loop_id_.load(relaxed)) {
      const std::int64_t gap = std::max(max_gap_, j.took_ns.load(relaxed));
      return Failure{"not_concurrent",
                     job(i) + " ran on the loop's thread, so the loop went " + ms(gap) + unit +
                         " without a tick (a job takes " + ms(kJobNs) + "; the bound is " +
                         ms(kBoundNs) +
                         "): run the heavy work on other threads and post only its result back "
                         "to the loop",
                     "a tick at least every " + ms(kBoundNs), "a gap of " + ms(gap), ""};
    }
  }
  if (Check f = first_.get()) return f;
  for (int i = 0; i < s_.jobs; ++i) {
    const JobLog& j = log(i);
    const int calls = j.calls.load(relaxed);
    if (calls == 0)
      return Failure{"wrong_answer",
                     "on_done of " + job(i) + " was never called, but shutdown() was", "", "", ""};
    if (calls > 1)
      return Failure{"wrong_answer",
                     "on_done of " + job(i) + " was called " + std::to_string(calls) +
                         " times: deliver each result once",
                     "1 call", std::to_string(calls) + " calls", ""};
    if (j.got.load(relaxed) != result_of(i))
      return Failure{"wrong_answer",
                     "on_done of " + job(i) + " received " + std::to_string(j.got.load(relaxed)) +
                         ", but the job returned " + std::to_string(result_of(i)),
                     std::to_string(result_of(i)), std::to_string(j.got.load(relaxed)), ""};
  }
  // Virtual time only where it is exact; CPU time except under ThreadSanitizer.
  // (time_kept_pace(): no sleep ended early anywhere in the trial, time never jumped for
  // spinners, so each gap is what the loop's thread really let pass).
  const bool judge_gaps =
      virtual_ ? timing_exact_.load(relaxed) && time_kept_pace() : kJudgeCpuGaps;
  if (judge_gaps && max_submit_ns_ > kBoundNs)
    return Failure{"not_concurrent",
                   "submit() of " + job(max_submit_job_) + " used " + ms(max_submit_ns_) +
                       " of the loop thread's CPU time (the bound is " + ms(kBoundNs) +
                       "): submit must hand the job over and return, not compute or spin",
                   "at most " + ms(kBoundNs), ms(max_submit_ns_), ""};
  if (judge_gaps && max_gap_ > kBoundNs) {
    const std::string during =
        running_at_gap_ >= 0 ? " while " + job(running_at_gap_) + " ran on another thread" : "";
    return Failure{
        "not_concurrent",
        virtual_
            ? "the loop went " + ms(max_gap_) + " without a tick" + during + " (the bound is " +
                  ms(kBoundNs) +
                  "): a handler on the loop's thread waited for a job (a get(), wait() or "
                  "join() inside a handler blocks the loop as surely as running the job)"
            : "the loop's thread used " + ms(max_gap_) +
                  " of CPU time between two ticks, outside submit()" + during + " (the bound is " +
                  ms(kBoundNs) + "): keep the work on the loop to taking jobs in and results out",
        "a tick at least every " + ms(kBoundNs), "a gap of " + ms(max_gap_), ""};
  }
  if (!shutdown_returned_.load(relaxed))
    return Failure{"wrong_answer", "the loop stopped before shutdown() returned", "", "", ""};
  return std::nullopt;
}

}  // namespace cj::event_loop_offload
