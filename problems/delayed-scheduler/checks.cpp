// The compiled-once part of the Delayed Task Scheduler driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <cstdio>

namespace cj::delayed_scheduler {

namespace {

Step sched(char task, int delay_ms) { return {Step::kSchedule, task, delay_ms}; }
Step cancel(char task) { return {Step::kCancel, task, 0}; }
Step pause(int us) { return {Step::kSleep, ' ', us}; }

/// The checks of one trial's logs; times are shown from the first schedule() call on.
class LogCheck {
 public:
  LogCheck(const SchedulerCase& c, const std::vector<TaskLog>& logs) : c_(c), logs_(logs) {}

  Check check(bool virtual_time) {
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
    if (c_.prompt() && virtual_time && time_kept_pace()) return check_lateness();
    return std::nullopt;
  }

 private:
  std::string name(const TaskLog& t) const {
    return std::string(1, t.name) + " (id " + std::to_string(t.id) + ")";
  }
  std::string ms(std::int64_t ns) const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns - origin_) / 1e6);
    return buf;
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
  const std::vector<TaskLog>& logs_;
  std::int64_t origin_ = 0;
};

}  // namespace

bool SchedulerCase::prompt() const {
  for (const auto& script : clients)
    for (const Step& s : script)
      if (s.kind == Step::kSleep) return false;
  return true;
}

std::vector<char> SchedulerCase::tasks() const {
  std::vector<char> out;
  for (const auto& script : clients)
    for (const Step& s : script)
      if (s.kind == Step::kSchedule) out.push_back(s.task);
  return out;
}

int SchedulerCase::delay_sum_ms() const {
  int sum = 0;
  for (const auto& script : clients)
    for (const Step& s : script)
      if (s.kind == Step::kSchedule) sum += s.amount;
  return sum;
}

int SchedulerCase::actors() const { return 1 + static_cast<int>(clients.size()); }

std::string SchedulerCase::input() const {
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

const std::vector<SchedulerCase>& scheduler_cases() {
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

std::int64_t TaskLog::earliest_due() const { return call_ns + delay_ms * 1000000LL; }
std::int64_t TaskLog::latest_due() const { return ret_ns + delay_ms * 1000000LL; }

Check check_logs(const SchedulerCase& c, const std::vector<TaskLog>& logs, bool virtual_time) {
  return LogCheck(c, logs).check(virtual_time);
}

std::string stuck_tasks(const std::vector<TaskLog>& logs) {
  std::string ran, waiting;
  for (const TaskLog& t : logs) {
    std::string& into = t.runs.load(std::memory_order_relaxed) ? ran : waiting;
    into += (into.empty() ? "" : ", ") + std::string(1, t.name);
  }
  return "tasks that ran: " + (ran.empty() ? "none" : ran) +
         "; not run: " + (waiting.empty() ? "none" : waiting);
}

}  // namespace cj::delayed_scheduler
