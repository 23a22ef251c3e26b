// Delayed Task Scheduler: an owner actor builds the scheduler on its own thread (its timer thread
// is then one the harness sees, cj/actor_built.hpp), clients schedule and cancel named tasks on
// scripts, and the owner destroys it once every task ran or was cancelled. Times are read from
// the solution's clock (steady_clock, virtual in explore: cj/clock.hpp) on the trial's threads.
// The checker establishes: no task before its due time, tasks in due order, a cancelled task
// never runs, none runs twice, and (on virtual time, in cases whose clients never sleep, so no
// thread can be delayed past a deadline) no task is held back past its due time, the classic
// timer thread that keeps sleeping until the old head when an earlier task arrives.
// This file holds what needs the learner's class (the trial that calls it, and what the
// scheduler's threads run); the cases and the check are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/actor_built.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"

namespace cj::delayed_scheduler {

class SchedulerTrial final : public Trial {
 public:
  explicit SchedulerTrial(const SchedulerCase& c)
      : c_(c), scheduler_(static_cast<int>(c.clients.size())), logs_(c.tasks().size()) {
    const std::vector<char> names = c.tasks();
    for (std::size_t i = 0; i < names.size(); ++i) logs_[i].name = names[i];
  }

  void run(int actor) override {
    if (actor == 0) {
      scheduler_.build();
      wait_until_settled();
      scheduler_.destroy_when_done();
    } else {
      client(actor - 1, scheduler_.wait_built());
      scheduler_.done();
    }
  }

  Check check() override { return check_logs(c_, logs_, virtual_.load(std::memory_order_relaxed)); }

  std::string stuck_state() const override { return stuck_tasks(logs_); }

 private:
  TaskLog& log_of(char name) {
    for (TaskLog& t : logs_)
      if (t.name == name) return t;
    return logs_.front();
  }

  void client(int index, ::DelayedScheduler& scheduler) {
    if (time_is_virtual()) virtual_.store(true, std::memory_order_relaxed);
    for (const Step& s : c_.clients[index]) {
      if (s.kind == Step::kSleep) {
        std::this_thread::sleep_for(std::chrono::microseconds(s.amount));
      } else if (s.kind == Step::kSchedule) {
        TaskLog& t = log_of(s.task);
        t.delay_ms = s.amount;
        t.call_ns = steady_ns();
        t.id = scheduler.schedule([this, &t] { ran(t); }, std::chrono::milliseconds(s.amount));
        t.ret_ns = steady_ns();
      } else {
        TaskLog& t = log_of(s.task);
        t.cancel_call_ns = steady_ns();
        t.cancelled = scheduler.cancel(t.id) ? 1 : 0;
        if (t.cancelled) settle();
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    ++clients_done_;
    settled_changed_.notify_all();
  }

  void ran(TaskLog& t) {
    t.ran_ns.store(steady_ns(), std::memory_order_relaxed);
    t.runs.fetch_add(1, std::memory_order_relaxed);
    note_progress();
    settle();
  }

  void settle() {
    std::lock_guard<std::mutex> lock(mu_);
    ++settled_;
    settled_changed_.notify_all();
  }

  /// The owner waits until every client finished and each task ran or was cancelled.
  void wait_until_settled() {
    std::unique_lock<std::mutex> lock(mu_);
    settled_changed_.wait(lock, [&] {
      return clients_done_ == static_cast<int>(c_.clients.size()) &&
             settled_ >= static_cast<int>(logs_.size());
    });
  }

  const SchedulerCase& c_;
  ActorBuilt<::DelayedScheduler> scheduler_;
  std::vector<TaskLog> logs_;  // one per task; schedule/cancel fields written by its client
  std::mutex mu_;              // guards clients_done_ and settled_
  std::condition_variable settled_changed_;
  int clients_done_ = 0;
  int settled_ = 0;
  std::atomic<bool> virtual_{false};  // the clients' clock is explore's virtual time
};

class DelayedSchedulerProblem final : public Problem {
 public:
  std::string slug() const override { return "delayed-scheduler"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : scheduler_cases()) out.push_back({c.input(), c.actors(), {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& k : scheduler_cases())
      if (k.input() == c.input) return std::make_unique<SchedulerTrial>(k);
    return std::make_unique<SchedulerTrial>(scheduler_cases().front());
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == 0 ? "the owner" : "a client";
  }
  bool solution_starts_threads() const override { return true; }
};

CJ_PROBLEM(DelayedSchedulerProblem);

}  // namespace cj::delayed_scheduler
