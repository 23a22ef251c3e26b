// The contract between a problem's driver and the runners (stress, explore, ...).
//
// A driver describes a problem as data (its cases) and as trials: one fresh object under test
// plus whatever its callbacks recorded. A runner decides how the actors' threads are created,
// started and interleaved; a driver must not assume any of it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cj/verdict.hpp"

namespace cj {

/// One input of a problem, shown to the learner as "Input:" when a trial on it fails.
struct Case {
  std::string input;  // e.g. "n = 5" or "[1,3,2]"
  int actors = 0;     // threads in one trial; actor a runs Trial::run(a) on its own thread
  /// Optional: actor indices in the order their threads are meant to start (LeetCode's input
  /// for 1114). Stress mode gives earlier actors a head start; other runners may ignore it.
  std::vector<int> start_order;
  /// Its place in Problem::cases(), set by the runners (numbered_cases()): how a driver finds
  /// the data behind a case. The input text is for people; nothing parses it back.
  std::size_t index = 0;
  /// Small enough for explore's bounded search to try every schedule of it (the small-scope
  /// hypothesis of CHESS and loom: most interleaving bugs show on a small input). false: its
  /// schedules are too many to exhaust in a budget (at preemption bound 2 they grow about with
  /// the square of its scheduling decisions), so explore samples it with random walks and PCT
  /// only, and never counts it as exhausted.
  bool exhaustible = true;
};

/// What a check found wrong. A verdict written as a name (`Failure{"wrong_answer", ...}`) is
/// checked when compiling (cj/verdict.hpp).
struct Failure {
  Verdict verdict = Verdict::wrong_answer;
  std::string reason;    // one sentence a learner understands
  std::string expected;  // may be empty
  std::string got;       // may be empty
  std::string finding;   // optional: a finding kind reported with the reason ("busy_wait")
};
using Check = std::optional<Failure>;

/// One object under test and its recordings. A runner calls run(a) exactly once for every actor
/// a in [0, Case::actors), each on a thread of its own, in any order and interleaving, and then
/// check() once, after every run() has returned.
class Trial {
 public:
  virtual ~Trial() = default;
  virtual void run(int actor) = 0;
  virtual Check check() = 0;
  /// Called when the trial stopped making progress, while its threads may still be running:
  /// what the recordings say about who holds what and waits for what ("philosopher 0 holds fork
  /// 0 and waits for fork 1, ..."), as one sentence, or empty. Must only read state that is safe
  /// to read concurrently (atomics).
  virtual std::string stuck_state() const { return {}; }
  /// Called, like stuck_state(), when the trial stopped making progress: a broken property its
  /// callbacks already saw, or nothing. A stall that follows a wrong step is usually that step's
  /// consequence, so runners report this failure instead of the stall. Safe to call while the
  /// trial's threads still run.
  virtual Check failure_so_far() const { return std::nullopt; }
};

/// A problem as the runners see it. Lives for the whole process.
class Problem {
 public:
  virtual ~Problem() = default;
  virtual std::string slug() const = 0;
  /// Every case a run should cover; runners cycle through them.
  virtual std::vector<Case> cases() const = 0;
  virtual std::unique_ptr<Trial> make(const Case& c) const = 0;
  /// The method actor a calls, for reports and traces: "second()", "hydrogen()".
  virtual std::string actor_name(const Case& c, int actor) const = 0;
  /// True when the solution is expected to start threads of its own (a crawler). Runners check
  /// for threads left running after every trial either way; this tells a controlled scheduler
  /// to expect threads beyond the actors.
  virtual bool solution_starts_threads() const { return false; }
  /// True when the checks need threads really running side by side (parallel-map's rendezvous
  /// of two calls spinning on real time): controlled exploration, one thread at a time, then does
  /// not apply.
  virtual bool needs_real_parallelism() const { return false; }
};

/// problem.cases(), each with its index set: what every runner plays.
std::vector<Case> numbered_cases(const Problem& problem);

/// Called once by a driver (see CJ_PROBLEM); the harness's main() runs the registered problem.
void register_problem(std::unique_ptr<Problem> problem);

/// Tells the stall detector that the solution made progress (a callback ran). Recorders call it;
/// drivers whose callbacks record nothing else call it themselves.
void note_progress() noexcept;

/// True while a controlled runner (explore) runs the trials: one thread at a time, sleeps and
/// timeouts on virtual time that may end early. A check that needs threads really running side
/// by side (two callbacks in flight at once) is made only when this is false.
bool one_thread_at_a_time() noexcept;

/// Waits until no other thread of the trial can run (each is blocked, asleep or in a timed wait),
/// and returns true, when the runner can promise exactly that: the explore mode, where this sleep
/// ends only when nothing else can run (other sleeps and timed waits may still end early: see
/// time_kept_pace()). Everywhere else it
/// returns false at once without waiting. A driver uses it for evidence that only an exact
/// scheduler gives: "after it, the writer was still waiting, so this reader overtook a waiting
/// writer", "a reader was kept out while another was reading and no writer was around".
bool await_quiescence();

/// Whether virtual time in this trial has so far kept pace with what the threads did: explore
/// mode, and no sleep or timed wait ended early (a strategy's eager timeout), time never jumped
/// for threads that only spun, and the trial was not released to real threads. Only then is a
/// duration measured on the solution's clock exactly the sleeps and latencies it waited for, and
/// a driver may judge virtual durations (a fan-out's makespan, a loop's gap between ticks, a
/// task's lateness). Call it after the durations it vouches for were measured (in check()).
/// False outside explore.
bool time_kept_pace() noexcept;

}  // namespace cj

#define CJ_PROBLEM(Type)                              \
  static const bool cj_problem_registered_ = [] {     \
    ::cj::register_problem(std::make_unique<Type>()); \
    return true;                                      \
  }()
