// Delayed Task Scheduler: an owner actor builds the scheduler on its own thread (its timer thread
// is then one the harness sees, cj/actor_built.hpp), clients schedule and cancel named tasks on
// scripts, and the owner destroys it once every task ran or was cancelled. Times are read from
// the solution's clock (steady_clock, virtual in explore: cj/clock.hpp) on the trial's threads.
// The checker establishes: no task before its due time, tasks in due order, a cancelled task
// never runs, none runs twice, and (on virtual time, in cases whose clients never sleep, so no
// thread can be delayed past a deadline) no task is held back past its due time, the classic
// timer thread that keeps sleeping until the old head when an earlier task arrives.
#include "cj/actor_built.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"

namespace cj::delayed_scheduler {

/// One step of a client's script.
struct Step {
  enum Kind { kSchedule, kCancel, kSleep } kind;
  char task;   // kSchedule, kCancel: the task's name
  int amount;  // kSchedule: delay in ms; kSleep: microseconds
};

inline Step sched(char task, int delay_ms) { return {Step::kSchedule, task, delay_ms}; }
inline Step cancel(char task) { return {Step::kCancel, task, 0}; }
inline Step pause(int us) { return {Step::kSleep, ' ', us}; }

struct SchedulerCase {
  std::vector<std::vector<Step>> clients;
  /// No client sleeps: on virtual time no thread but the solution's can hold a deadline, so a
  /// correct scheduler runs each task within a few steps of its due time.
  bool prompt() const {
    for (const auto& script : clients)
      for (const Step& s : script)
        if (s.kind == Step::kSleep) return false;
    return true;
  }
  std::vector<char> tasks() const {
    std::vector<char> out;
    for (const auto& script : clients)
      for (const Step& s : script)
        if (s.kind == Step::kSchedule) out.push_back(s.task);
    return out;
  }
  /// The delays it schedules, in ms (for the run's figures).
  int delay_sum_ms() const {
    int sum = 0;
    for (const auto& script : clients)
      for (const Step& s : script)
        if (s.kind == Step::kSchedule) sum += s.amount;
    return sum;
  }
  int actors() const { return 1 + static_cast<int>(clients.size()); }

  std::string input() const {
    std::string s;
    for (std::size_t c = 0; c < clients.size(); ++c) {
      s += (c ? "; client " : "client ") + std::to_string(c + 1) + ":";
      for (const Step& st : clients[c]) {
        if (st.kind == Step::kSchedule)
          s += std::string(" schedule(") + st.task + ", " + std::to_string(st.amount) + "ms)";
        else if (st.kind == Step::kCancel)
          s += std::string(" cancel(") + st.task + ")";
        else
          s += " sleep " + std::to_string(st.amount) + "us";
      }
    }
    return s;
  }
};

inline const std::vector<SchedulerCase>& scheduler_cases() {
  static const std::vector<SchedulerCase> cases = {
      {{{sched('A', 30), sched('B', 5)}}},
      {{{sched('A', 20), sched('B', 10), sched('C', 25), sched('D', 1), cancel('C')}}},
      {{{sched('A', 25), sched('B', 8)}, {sched('C', 15), sched('D', 2), cancel('C')}}},
      {{{sched('A', 10), pause(3000), sched('B', 2), pause(1000), sched('C', 4)}}},
      {{{sched('A', 3), pause(3000), cancel('A'), sched('B', 1), pause(1000), cancel('B')}}},
      {{{sched('A', 6), pause(2000), sched('B', 1), cancel('A')},
        {pause(1000), sched('C', 4), sched('D', 4), pause(4000), cancel('D')}}},
  };
  return cases;
}

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

  std::int64_t earliest_due() const { return call_ns + delay_ms * 1000000LL; }
  std::int64_t latest_due() const { return ret_ns + delay_ms * 1000000LL; }
};

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

  Check check() override {
    origin_ = INT64_MAX;
    for (const TaskLog& t : logs_) origin_ = std::min(origin_, t.call_ns);
    for (const TaskLog& t : logs_) {
      const int runs = t.runs.load(std::memory_order_relaxed);
      if (runs > 1)
        return Failure{"wrong_answer",
                       "task " + name(t) + " ran " + std::to_string(runs) + " times; run each once",
                       "", "", ""};
      if (runs == 1 && t.cancelled == 1)
        return Failure{"wrong_answer",
                       "cancel(" + std::to_string(t.id) + ") returned true at " +
                           ms(t.cancel_call_ns) + " or later, but task " + name(t) +
                           " ran anyway (at " + ms(t.ran_ns) +
                           "): once cancel() says true, the task must never run; decide under "
                           "the same lock whether a task is taken to run or cancelled",
                       "", "", ""};
      if (runs == 1 && t.ran_ns < t.earliest_due())
        return Failure{"wrong_answer",
                       "task " + name(t) + " ran at " + ms(t.ran_ns) +
                           ", before its due time: it " + "was scheduled at " + ms(t.call_ns) +
                           " with a delay of " + std::to_string(t.delay_ms) +
                           " ms, so not before " + ms(t.earliest_due()) +
                           ". A timed wait can end early (a notify, a "
                           "spurious wakeup): check the clock again before running a task",
                       "", "", ""};
    }
    if (Check f = check_order()) return f;
    // Lateness is judged only where virtual time kept pace (no timed wait ended early, no
    // jump for spinners): there a task's delay is the scheduler's alone.
    if (c_.prompt() && virtual_.load(std::memory_order_relaxed) && time_kept_pace())
      return check_lateness();
    return std::nullopt;
  }

  std::string stuck_state() const override {
    std::string ran, waiting;
    for (const TaskLog& t : logs_) {
      std::string& into = t.runs.load(std::memory_order_relaxed) ? ran : waiting;
      into += (into.empty() ? "" : ", ") + std::string(1, t.name);
    }
    return "tasks that ran: " + (ran.empty() ? "none" : ran) +
           "; not run: " + (waiting.empty() ? "none" : waiting);
  }

 private:
  TaskLog& log_of(char name) {
    for (TaskLog& t : logs_)
      if (t.name == name) return t;
    return logs_.front();
  }
  std::string name(const TaskLog& t) const {
    return std::string(1, t.name) + " (id " + std::to_string(t.id) + ")";
  }
  std::string ms(std::int64_t ns) const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns - origin_) / 1e6);
    return buf;
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

  /// x was due (at the latest) before y could be due (at the earliest), and was scheduled before
  /// then: when the scheduler took y, x was waiting and due, and earlier, so x must run first.
  Check check_order() const {
    for (const TaskLog& x : logs_) {
      if (x.runs.load(std::memory_order_relaxed) != 1) continue;
      for (const TaskLog& y : logs_) {
        if (&x == &y || y.runs.load(std::memory_order_relaxed) != 1) continue;
        if (x.latest_due() >= y.earliest_due() || x.ran_ns < y.ran_ns) continue;
        return Failure{"wrong_answer",
                       "task " + name(y) + " ran at " + ms(y.ran_ns) + " before task " + name(x) +
                           " (at " + ms(x.ran_ns) + "), although " + std::string(1, x.name) +
                           " was due by " + ms(x.latest_due()) + " and " + std::string(1, y.name) +
                           " not before " + ms(y.earliest_due()) +
                           ": run tasks in the order they fall due, whatever order they were "
                           "scheduled in",
                       "", "", ""};
      }
    }
    return std::nullopt;
  }

  /// On virtual time, with clients that never sleep, a task runs within a few steps of its due
  /// time: one that ran a millisecond late was held back.
  Check check_lateness() const {
    constexpr std::int64_t kLateNs = 1000000;
    for (const TaskLog& t : logs_) {
      if (t.runs.load(std::memory_order_relaxed) != 1) continue;
      if (t.ran_ns <= t.latest_due() + kLateNs) continue;
      std::string behind;
      for (const TaskLog& o : logs_)
        if (&o != &t && o.call_ns < t.call_ns && o.earliest_due() > t.latest_due() &&
            o.earliest_due() <= t.ran_ns + kLateNs)
          behind =
              " It waited for task " + name(o) + ", scheduled before it but due later, at " +
              ms(o.earliest_due()) + ": the timer thread kept sleeping until the old " +
              "earliest task; when a task due sooner arrives, wake it to wait for the new one.";
      return Failure{"wrong_answer",
                     "task " + name(t) + " was due by " + ms(t.latest_due()) + " but ran only at " +
                         ms(t.ran_ns) +
                         " (on explore's virtual time, where nothing else delays "
                         "it)." +
                         behind,
                     "", "", ""};
    }
    return std::nullopt;
  }

  const SchedulerCase& c_;
  ActorBuilt<::DelayedScheduler> scheduler_;
  std::vector<TaskLog> logs_;  // one per task; schedule/cancel fields written by its client
  std::mutex mu_;              // guards clients_done_ and settled_
  std::condition_variable settled_changed_;
  int clients_done_ = 0;
  int settled_ = 0;
  std::atomic<bool> virtual_{false};  // the clients' clock is explore's virtual time
  std::int64_t origin_ = 0;
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
