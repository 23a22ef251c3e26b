// Delayed Task Scheduler, the part of the driver that does not need the learner's class: the
// cases (each client's script), the record of what happened to each task, and the check of those
// records once the trial is over. Compiled once (checks.cpp), not with every submission.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "cj/problem.hpp"

namespace cj::delayed_scheduler {

/// One step of a client's script.
struct Step {
  enum Kind { kSchedule, kCancel, kSleep } kind;
  char task;   // kSchedule, kCancel: the task's name
  int amount;  // kSchedule: delay in ms; kSleep: microseconds
};

struct SchedulerCase {
  std::vector<std::vector<Step>> clients;
  /// No client sleeps: on virtual time no thread but the solution's can hold a deadline, so a
  /// correct scheduler runs each task within a few steps of its due time.
  bool prompt() const;
  std::vector<char> tasks() const;
  /// The delays it schedules, in ms (for the run's figures).
  int delay_sum_ms() const;
  int actors() const;

  std::string input() const;
};

const std::vector<SchedulerCase>& scheduler_cases();

/// What happened to one task; `ran_ns` and `runs` are written on the solution's thread.
struct TaskLog {
  char name = '?';
  int delay_ms = 0;
  std::int64_t call_ns = 0;  // just before schedule()
  std::int64_t ret_ns = 0;   // just after it returned
  int id = 0;
  std::atomic<std::int64_t> ran_ns{-1};
  std::atomic<int> runs{0};
  int cancelled = -1;  // -1 never asked; 0 cancel() returned false; 1 true
  std::int64_t cancel_call_ns = 0;

  std::int64_t earliest_due() const;
  std::int64_t latest_due() const;
};

/// The check of a trial's task logs, once every run() returned: no task ran twice, a task that
/// cancel() said true for never ran, none ran before its due time, tasks ran in due order, and
/// (when `virtual_time`, the clients' clock was explore's virtual time, in a case whose clients
/// never sleep) none was held back past its due time.
Check check_logs(const SchedulerCase& c, const std::vector<TaskLog>& logs, bool virtual_time);

/// For a stall: which tasks ran and which did not.
std::string stuck_tasks(const std::vector<TaskLog>& logs);

}  // namespace cj::delayed_scheduler
