// task-scope, the part of the driver that does not need the learner's class: the scenarios, the
// state a trial shares with its tasks, and the check of what join did and what the tasks
// recorded. Compiled once (checks.cpp), not with every submission. What the tasks themselves run
// stays in driver.hpp (and label(), which they use, inline here).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "cj/problem.hpp"

namespace cj::task_scope {

struct TaskLog {
  std::atomic<bool> started{false}, finished{false}, waiting{false}, saw_stop{false};
  std::mutex m;  // for the wait on the task's stop_token
  std::condition_variable_any cv;
};

/// The state of one trial, shared with its tasks.
struct ScopeLog {
  explicit ScopeLog(int tasks) : task(static_cast<std::size_t>(tasks)) {}
  std::vector<TaskLog> task;
  std::atomic<int> running{0};
};

enum class Role { quick, fail, wait, wait_then_throw, nested };

/// What a task does. quick: sleeps 1 ms; fail: sleeps 2 ms and throws; wait: blocks until its
/// token is stopped; wait_then_throw: the same, then throws; nested: opens a scope of its own.
/// One scenario is one trial: the owner spawns `roles`, a nested task spawns `inner`, and the
/// owner calls join() or join_for().
struct Scenario {
  std::string name;
  std::vector<Role> roles;    // outer tasks
  std::vector<Role> inner;    // tasks of the scope a nested task opens (indices after roles)
  int join_for_ms = -1;       // -1: join(); else join_for(this)
  std::string expect_error;   // what join must rethrow, "" for nothing
  bool expect_true = true;    // join_for's result
  bool all_must_run = false;  // no cancellation: every task runs to the end
  int total() const;
};

inline std::string label(int i) { return "task " + std::to_string(i); }

const std::vector<Scenario>& scenarios();

/// What the owner saw of join() or join_for() when it returned.
struct Joined {
  std::vector<bool> still_running;  // per task, at the moment join returned
  std::string threw;
  bool threw_anything = false;
  int returned = -1;
  std::chrono::steady_clock::duration waited{};  // how long join_for took
};

/// The check once the owner returned: no task left running, every task ran where nothing failed,
/// join rethrew the first exception (or none), join_for's result.
Check check_join(const Scenario& s, const ScopeLog& log, const Joined& joined);

/// For a stall: the tasks still waiting for a stop request, and who should have sent it.
std::string stuck_waiters(const Scenario& s, const ScopeLog& log);

}  // namespace cj::task_scope
