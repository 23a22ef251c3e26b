// task-scope: one actor opens a TaskScope, spawns the driver's tasks, and joins it. Every task
// records when it starts, when it ends and whether it saw a stop request, in state shared with
// the trial (a task the scope left running may outlive the trial). The checker reads that state
// at the moment join returned: the exception join threw, tasks still running (leaked_thread);
// a sibling that is never cancelled keeps waiting, which stuck_state() explains.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "cj/harness.hpp"

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
  int total() const { return static_cast<int>(roles.size() + inner.size()); }
};

inline std::string label(int i) { return "task " + std::to_string(i); }

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

inline const std::vector<Scenario>& scenarios() {
  using R = Role;
  static const std::vector<Scenario> all = {
      {"all tasks succeed",
       {R::quick, R::quick, R::quick, R::quick, R::quick},
       {},
       -1,
       "",
       true,
       true},
      {"task 0 fails; its siblings wait for a stop request",
       {R::fail, R::wait, R::wait, R::wait},
       {},
       -1,
       "task 0 failed",
       true,
       false},
      {"task 0 fails; its siblings throw when they are cancelled",
       {R::fail, R::wait_then_throw, R::wait_then_throw, R::wait},
       {},
       -1,
       "task 0 failed",
       true,
       false},
      {"join_for(20ms) on tasks that run until cancelled",
       {R::wait, R::wait, R::wait},
       {},
       20,
       "",
       false,
       false},
      {"join_for(10s) on quick tasks", {R::quick, R::quick, R::quick}, {}, 10000, "", true, true},
      {"nested: task 0 opens a scope whose task 2 fails; the others wait for a stop request",
       {R::nested, R::wait},
       {R::fail, R::wait, R::wait_then_throw},
       -1,
       "task 2 failed",
       true,
       false},
  };
  return all;
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
        returned_ = scope.join_for(std::chrono::milliseconds(s_.join_for_ms)) ? 1 : 0;
        waited_ = std::chrono::steady_clock::now() - start;
      }
      snapshot();
    } catch (const std::exception& e) {
      snapshot();
      threw_ = e.what();
      threw_anything_ = true;
    } catch (...) {
      snapshot();
      threw_ = "an exception that is not a std::exception";
      threw_anything_ = true;
    }
  }

  std::string stuck_state() const override {
    std::string who;
    for (std::size_t i = 0; i < log_->task.size(); ++i)
      if (log_->task[i].waiting) who += (who.empty() ? "" : ", ") + label(static_cast<int>(i));
    if (who.empty()) return {};
    return who + " still wait" + (who.find(',') == std::string::npos ? "s" : "") +
           " for a stop request: " +
           (s_.join_for_ms >= 0 ? "when the timeout expires, join_for must request stop on every "
                                  "task still running"
                                : "the first exception must request stop on every sibling");
  }

  Check check() override {
    const std::string how = s_.join_for_ms < 0 ? "join()" : "join_for()";
    for (std::size_t i = 0; i < still_running_.size(); ++i)
      if (still_running_[i])
        return Failure{"leaked_thread",
                       label(static_cast<int>(i)) + " was still running when " + how +
                           " returned: a scope must wait for every task it started, also after "
                           "an exception or a timeout",
                       "", ""};
    const int n = s_.total();
    for (int i = 0; i < n; ++i) {
      const TaskLog& t = log_->task[static_cast<std::size_t>(i)];
      if (s_.all_must_run && !t.finished)
        return Failure{"wrong_answer", label(i) + " never ran, though nothing failed", "", ""};
    }
    if (s_.expect_error.empty() && threw_anything_)
      return Failure{"wrong_answer", how + " threw \"" + threw_ + "\", but no task failed",
                     "returns normally", "threw \"" + threw_ + "\""};
    if (!s_.expect_error.empty() && threw_ != s_.expect_error)
      return Failure{"wrong_answer",
                     threw_anything_
                         ? how + " rethrew \"" + threw_ + "\", not the first exception (\"" +
                               s_.expect_error +
                               "\"): keep the first one a task threw, not one thrown later by a "
                               "sibling reacting to the cancellation"
                         : how + " returned normally, but " + s_.expect_error.substr(0, 6) +
                               " threw: join must rethrow the first exception",
                     "throws \"" + s_.expect_error + "\"",
                     threw_anything_ ? "threw \"" + threw_ + "\"" : "returned normally"};
    // Quick tasks may still legitimately miss a timeout (a loaded machine, or explore's virtual
    // time letting the timeout fire first): false is wrong only when it came before the timeout.
    const bool early = waited_ < std::chrono::milliseconds(s_.join_for_ms);
    if (s_.join_for_ms >= 0 && !threw_anything_ && returned_ != (s_.expect_true ? 1 : 0) &&
        (!s_.expect_true || early))
      return Failure{"wrong_answer",
                     s_.expect_true ? "join_for returned false before its timeout expired"
                                    : "join_for returned true, but the tasks were still running "
                                      "when the timeout expired",
                     s_.expect_true ? "true" : "false", s_.expect_true ? "false" : "true"};
    return std::nullopt;
  }

 private:
  void snapshot() {
    for (const auto& t : log_->task) still_running_.push_back(t.started && !t.finished);
  }

  const Scenario& s_;
  std::shared_ptr<ScopeLog> log_;
  std::vector<bool> still_running_;  // per task, at the moment join returned
  std::string threw_;
  bool threw_anything_ = false;
  int returned_ = -1;
  std::chrono::steady_clock::duration waited_{};  // how long join_for took
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
