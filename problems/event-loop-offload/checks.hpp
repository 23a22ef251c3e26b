// event-loop-offload, the part of the driver that does not need the learner's class: the
// scenarios, what a trial records of its jobs and its loop, and the check of that record and the
// stall text (OffloadRecord). Compiled once (checks.cpp), not with every submission.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "cj/first_failure.hpp"
#include "cj/problem.hpp"

namespace cj::event_loop_offload {

constexpr std::int64_t kJobNs = 10'000'000;   // what one job costs: CPU time, or virtual time
constexpr std::int64_t kBoundNs = 5'000'000;  // the longest the loop may go without a tick

enum class Pattern { burst, one_per_tick, chain };

struct Scenario {
  std::string name;
  Pattern pattern;
  int jobs;
};

const std::vector<Scenario>& scenarios();

/// What job i returns, and on_done(i) must receive.
inline long result_of(int job) { return 1000L + 7L * job * job; }

enum Where : int { nowhere = 0, on_loop = 1, on_job_thread = 2, on_other_thread = 3 };

constexpr auto relaxed = std::memory_order_relaxed;

struct JobLog {
  std::atomic<bool> submitted{false}, started{false}, finished{false};
  std::atomic<std::thread::id> thread{};             // the thread that ran the job
  std::atomic<std::int64_t> took_ns{0};              // the job's own duration (CPU or virtual)
  std::atomic<std::int64_t> start_ns{0}, end_ns{0};  // steady_ns() (virtual under explore)
  std::atomic<int> calls{0};                         // on_done calls
  std::atomic<int> where{nowhere};                   // where the first on_done ran
  std::atomic<long> got{0};                          // what the first on_done received
};

inline std::string job(int i) { return "job " + std::to_string(i); }

/// What one trial records, and its checks: the driver's OffloadTrial (driver.hpp) runs the loop
/// and the ticker on the learner's Offloader and writes these fields; check(), stuck_state() and
/// failure_so_far() only read them.
class OffloadRecord : public Trial {
 public:
  std::string stuck_state() const override;
  Check failure_so_far() const override;
  Check check() override;

 protected:
  explicit OffloadRecord(const Scenario& s)
      : s_(s), jobs_(static_cast<std::size_t>(s.jobs)), running_at_gap_(-1) {}

  JobLog& log(int i) { return jobs_[static_cast<std::size_t>(i)]; }
  const JobLog& log(int i) const { return jobs_[static_cast<std::size_t>(i)]; }

  const Scenario& s_;
  std::vector<JobLog> jobs_;
  std::atomic<std::thread::id> loop_id_{};
  std::atomic<bool> shutdown_called_{false}, shutdown_returned_{false};
  std::atomic<bool> timing_exact_{false};  // explore without eager time: virtual gaps are exact
  FirstFailure first_;
  // The loop's thread only (ticks and deliveries), read by check() after the trial.
  bool virtual_ = false;
  std::int64_t max_gap_ = 0;
  std::int64_t max_submit_ns_ = 0;  // the most one submit() call used (real threads)
  int max_submit_job_ = 0;
  int running_at_gap_;  // a job that was running during the longest gap, or -1
};

}  // namespace cj::event_loop_offload
