// task-scope: one actor opens a TaskScope, spawns the driver's tasks, and joins it. Every task
// records when it starts, when it ends and whether it saw a stop request, in state shared with
// the trial (a task the scope left running may outlive the trial). The checker reads that state
// at the moment join returned: the exception join threw, tasks still running (leaked_thread);
// a sibling that is never cancelled keeps waiting, which stuck_state() explains.
// This file holds what needs the learner's class (the trial that calls it, and the tasks it
// spawns); the scenarios and the check are compiled once (checks.hpp).
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::task_scope {

/// What a waiting task does: block until its token is stopped. A scope that never cancels it
/// leaves it waiting for ever, which the runners report with stuck_state().
inline void wait_for_stop(const std::stop_token& st, TaskLog& t) {
  std::unique_lock<std::mutex> lk(t.m);
  t.waiting = true;
  t.cv.wait(lk, st, [] { return false; });
  t.waiting = false;
  t.saw_stop = true;
}

inline std::function<void(std::stop_token)> make_task(std::shared_ptr<ScopeLog> log,
                                                      const Scenario& s, int i, Role role);

/// Runs an inner scope for a nested task: spawn s.inner, join (rethrows into the outer scope).
inline void run_inner(const std::shared_ptr<ScopeLog>& log, const Scenario& s) {
  ::TaskScope inner;
  for (std::size_t k = 0; k < s.inner.size(); ++k) {
    const int i = static_cast<int>(s.roles.size() + k);
    inner.spawn(make_task(log, s, i, s.inner[k]));
  }
  inner.join();
}

inline std::function<void(std::stop_token)> make_task(std::shared_ptr<ScopeLog> log,
                                                      const Scenario& s, int i, Role role) {
  return [log, &s, i, role](std::stop_token st) {
    TaskLog& t = log->task[static_cast<std::size_t>(i)];
    log->running.fetch_add(1);
    t.started = true;
    note_progress();
    struct Done {
      ScopeLog& log;
      TaskLog& t;
      ~Done() {
        t.finished = true;
        log.running.fetch_sub(1);
        note_progress();
      }
    } done{*log, t};
    switch (role) {
      case Role::quick:
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        break;
      case Role::fail:
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        throw std::runtime_error(label(i) + " failed");
      case Role::wait:
        wait_for_stop(st, t);
        break;
      case Role::wait_then_throw:
        wait_for_stop(st, t);
        if (t.saw_stop) throw std::runtime_error(label(i) + " cancelled");
        break;
      case Role::nested:
        run_inner(log, s);
        break;
    }
  };
}

class ScopeTrial final : public Trial {
 public:
  explicit ScopeTrial(const Scenario& s) : s_(s), log_(std::make_shared<ScopeLog>(s.total())) {}

  void run(int) override {
    // The scope outlives the try block, so that the snapshot sees what join left running, not
    // what the scope's destructor may have cleaned up afterwards.
    ::TaskScope scope;
    try {
      for (std::size_t i = 0; i < s_.roles.size(); ++i)
        scope.spawn(make_task(log_, s_, static_cast<int>(i), s_.roles[i]));
      if (s_.join_for_ms < 0) {
        scope.join();
      } else {
        const auto start = std::chrono::steady_clock::now();
        joined_.returned = scope.join_for(std::chrono::milliseconds(s_.join_for_ms)) ? 1 : 0;
        joined_.waited = std::chrono::steady_clock::now() - start;
      }
      snapshot();
    } catch (const std::exception& e) {
      snapshot();
      joined_.threw = e.what();
      joined_.threw_anything = true;
    } catch (...) {
      snapshot();
      joined_.threw = "an exception that is not a std::exception";
      joined_.threw_anything = true;
    }
  }

  std::string stuck_state() const override { return stuck_waiters(s_, *log_); }

  Check check() override { return check_join(s_, *log_, joined_); }

 private:
  void snapshot() {
    for (const auto& t : log_->task) joined_.still_running.push_back(t.started && !t.finished);
  }

  const Scenario& s_;
  std::shared_ptr<ScopeLog> log_;
  Joined joined_;  // written by the owner, read by check()
};

class TaskScopeProblem final : public Problem {
 public:
  TaskScopeProblem() {
    // ThreadSanitizer's background thread starts with the first thread; start it before the
    // runner counts this process's threads.
    std::thread([] {}).join();
  }
  std::string slug() const override { return "task-scope"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& s : scenarios()) out.push_back({s.name, 1, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<ScopeTrial>(scenarios().at(c.index));
  }
  std::string actor_name(const Case&, int) const override { return "the scope's owner"; }
  bool solution_starts_threads() const override { return true; }
};

CJ_PROBLEM(TaskScopeProblem);

}  // namespace cj::task_scope
