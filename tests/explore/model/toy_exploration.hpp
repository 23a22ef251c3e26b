// The model tests' one harness: runs a toy program under the explorer's real Scheduler (this
// binary links the plain harness library, whose interposed pthread, futex, semaphore and sleep
// symbols send every call of a controlled thread to the model) and a bounded DFS, until the
// search has tried every schedule. What each schedule ended with is counted, so a test can say
// "over all schedules, only this happens" and how many schedules there were.
#pragma once

#include <time.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cj/problem.hpp"
#include "explore/dfs_strategy.hpp"
#include "explore/scheduler.hpp"
#include "runner.hpp"

namespace cj::explore::model_test {

/// `clock`'s time in nanoseconds: virtual time on a controlled thread.
inline long long now_ns(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/// The absolute CLOCK_REALTIME deadline `ns` nanoseconds after `start_ns`, as timed waits take.
inline timespec deadline_after(long long start_ns, long long ns) {
  const long long deadline = start_ns + ns;
  return {static_cast<time_t>(deadline / 1000000000LL), static_cast<long>(deadline % 1000000000LL)};
}

/// Every schedule's ending: the program's result() when every actor returned; "deadlock: " or
/// "livelock: " and result() when the execution stalled (read while its threads stay blocked).
struct Exploration {
  int schedules = 0;
  bool exhausted = false;
  std::map<std::string, int> endings;
  /// The endings seen, without their counts.
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const auto& [ending, count] : endings) out.push_back(ending);
    return out;
  }
};

/// A Program is constructed afresh for every execution; actor a runs program.run(a) on a
/// controlled thread of its own; result() is read after every actor returned.
template <class Program>
class ToyTrial final : public Trial {
 public:
  void run(int actor) override { program.run(actor); }
  Check check() override { return std::nullopt; }
  Program program;
};

template <class Program>
class ToyProblem final : public Problem {
 public:
  explicit ToyProblem(int actors) : actors_(actors) {}
  std::string slug() const override { return "toy"; }
  std::vector<Case> cases() const override { return {Case{"toy", actors_, {}}}; }
  std::unique_ptr<Trial> make(const Case&) const override {
    return std::make_unique<ToyTrial<Program>>();
  }
  std::string actor_name(const Case&, int actor) const override {
    return "actor " + std::to_string(actor);
  }

 private:
  int actors_;
};

/// Every schedule of `actors` threads running Program with at most `bound` preemptions (the
/// explorer's DfsStrategy), at most `limit` of them.
template <class Program>
Exploration explore_every_schedule(int actors, int bound = 2, int limit = 100000) {
  // Both live for the rest of the process, as the explorer's do: after a stall the stalled
  // execution's fibers stay suspended, so a stall moves the search on to a fresh scheduler.
  auto* problem = new ToyProblem<Program>(actors);
  const Case c = problem->cases().front();
  DfsStrategy dfs(bound);
  Exploration e;
  set_one_thread_at_a_time(true);
  g_scheduler = new Scheduler(*problem, actors);
  while (!dfs.exhausted() && e.schedules < limit) {
    auto trial = std::make_unique<ToyTrial<Program>>();
    const ExecutionResult r = g_scheduler->run(*trial, c, dfs, 1, 1.0);
    ++e.schedules;
    using Kind = ExecutionResult::Kind;
    if (r.kind == Kind::finished) {
      ++e.endings[trial->program.result()];
      continue;
    }
    const char* stall = r.kind == Kind::deadlock    ? "deadlock: "
                        : r.kind == Kind::livelock  ? "livelock: "
                        : r.kind == Kind::data_race ? "data race: "
                                                    : "other stall: ";
    ++e.endings[stall + trial->program.result()];
    (void)trial.release();  // its threads are still blocked inside it
    g_scheduler = new Scheduler(*problem, actors);
  }
  set_one_thread_at_a_time(false);
  e.exhausted = dfs.exhausted();
  return e;
}

}  // namespace cj::explore::model_test
