// Explore mode: controlled scheduling. Runs one trial after another under the Scheduler, each
// with a schedule drawn from a seed (the run's seed and the schedule's index), cycling through
// the problem's cases and a portfolio of strategies until the budget is spent.
//
// --strategy NAME runs only that strategy; NAME@INDEX starts at schedule INDEX (the failing
// schedule a previous run reported), which replays it exactly for random and pct, whose
// executions depend on nothing but their seed. DFS keeps one search per case, whose executions
// all share one seed and follow the previous ones; its failures replay from the start.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "cj/schedule.hpp"
#include "explore/dfs_strategy.hpp"
#include "explore/noise.hpp"
#include "explore/real_functions.hpp"
#include "explore/replay_strategy.hpp"
#include "explore/scheduler.hpp"
#include "explore/watchdog.hpp"
#include "runner.hpp"
#include "stress_runner.hpp"

namespace cj::explore {
namespace {

/// Explore's budget, counted in the CPU time this process has used rather than in wall time. On a
/// loaded machine each trial takes longer in wall time, and a bug that a few hundred milliseconds
/// of exploring find on a quiet one would slip through the same budget of wall time; in CPU time
/// a budget buys the same number of schedules anywhere, so the verdict does not depend on the
/// load. A run that waits without using CPU (stuck outside the model) still ends: a quarter of
/// its wall time counts too (the judge allows explore four times its budget in wall time).
class CpuBudget {
 public:
  double spent_s() const {
    const double cpu_s = cpu_now_s() - cpu_start_s_;
    const double wall_s = std::chrono::duration<double>(Clock::now() - wall_start_).count();
    return std::max(cpu_s, wall_s / 4);
  }

 private:
  using Clock = std::chrono::steady_clock;
  static double cpu_now_s() {
    timespec cpu{};
    real().clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    return double(cpu.tv_sec) + double(cpu.tv_nsec) * 1e-9;
  }
  double cpu_start_s_ = cpu_now_s();
  Clock::time_point wall_start_ = Clock::now();
};

std::uint64_t schedule_seed(std::uint64_t seed, std::uint64_t index) {
  SplitMix64 mix{seed * 0x2545f4914f6cdd1dULL + index};
  return mix.next();
}

Outcome failed(Verdict verdict, const std::string& reason, const Case& c,
               const std::string& strategy, std::uint64_t index) {
  Outcome o;
  o.verdict = verdict;
  o.reason = reason;
  o.input = c.input.empty() ? "(no input)" : c.input;
  o.strategy = strategy == kStrategyNames[static_cast<int>(StrategyKind::dfs)]
                   ? strategy
                   : strategy + "@" + std::to_string(index);
  return o;
}

/// The scheduler the controller's watchdog watches: the exploring one, or a replay's.
std::atomic<Scheduler*> g_watched{nullptr};

/// Runs the failing schedule once more, on a fresh scheduler (the first one's threads may still
/// be blocked) that records the learner's line at every event. When the replay records the same
/// events, `o` takes its trace and, for a stall the explorer describes itself (`own_reason`), its
/// reason, which then name lines and members; g_scheduler is then the replay's, for the picture.
/// The verdict never changes: a replay that goes another way leaves `o` as it was. A second
/// attempt covers drivers whose trials alternate their start (every other one starts together).
/// Only the failing schedule pays for the stack walks. Runs on the executor, as the first run
/// did; the controller's watchdog watches the replay's scheduler meanwhile (g_watched).
void replay_with_lines(const Problem& problem, const Case& c, std::uint64_t seed,
                       const Strategy& found_by, int workers, double stall_s, bool own_reason,
                       Outcome& o) {
  Scheduler* const first = g_scheduler;
  using Kind = ExecutionResult::Kind;
  // The lines are a courtesy: a replay that cannot even start (the solution used up the
  // memory or the threads, so a new scheduler's threads or the trial cannot be made) leaves
  // the first report as it was.
  try {
    for (int attempt = 0; attempt < 2; ++attempt) {
      ReplayStrategy replay(found_by.name(), first->choices());
      auto* again = new Scheduler(problem, workers);  // lives on, as the first one does
      again->set_capture_lines(true);
      g_scheduler = again;
      g_watched.store(again, std::memory_order_release);
      std::unique_ptr<Trial> trial = problem.make(c);
      ExecutionResult r = again->run(*trial, c, replay, seed, stall_s);
      if (r.kind != Kind::finished) (void)trial.release();  // its threads may be blocked inside
      if (replay.diverged() || r.kind == Kind::busy_wait || r.kind == Kind::busy_wait_stuck ||
          !again->same_events(*first))
        continue;
      o.trace = r.trace.empty() ? again->trace() : std::move(r.trace);
      if (own_reason) o.reason = r.reason;
      return;
    }
  } catch (...) {
  }
  g_scheduler = first;
  g_watched.store(first, std::memory_order_release);
}

Outcome explore_loop(const Problem& problem, const RunOptions& options);

/// The controller: the executor explores on a thread of its own (its fibers run there); this
/// thread watches it for busy-waits, and answers itself when the executor cannot come back.
Outcome run_explore(const Problem& problem, const RunOptions& options) {
  int workers = 0;
  for (const auto& c : problem.cases()) workers = std::max(workers, c.actors);
  // Lives for the rest of the process: after a deadlock its fibers stay suspended.
  g_scheduler = new Scheduler(problem, workers);
  Scheduler* const explorer = g_scheduler;
  g_watched.store(explorer, std::memory_order_release);

  struct Shared {
    Outcome outcome;
    std::atomic<bool> done{false};
    Gate finished;
  };
  auto* shared = new Shared;  // the executor may outlive this function (a thread that spins)
  std::thread executor([shared, &problem, options] {
    shared->outcome = explore_loop(problem, options);
    shared->done.store(true, std::memory_order_release);
    shared->finished.post();
  });
  Scheduler* watched = explorer;
  std::optional<Watchdog> watchdog(std::in_place, *watched);
  const double give_up_s = std::max(1.0, options.stall_s) + 1.0;
  while (!shared->done.load(std::memory_order_acquire)) {
    if (shared->finished.wait_ns(5000000)) break;
    if (Scheduler* now = g_watched.load(std::memory_order_acquire); now != watched) {
      watched = now;  // a replay for source lines started or ended
      watchdog.emplace(*watched);
    }
    watchdog->tick();
    // A replay that spins is the replay's problem: it keeps the first report (replay_with_lines).
    if (watched == explorer && watchdog->fired() && watchdog->since_fired_s() > give_up_s) {
      // The thread that spun on the executor never returned, even on the real scheduler.
      executor.detach();
      Outcome o;
      o.verdict = Verdict::time_limit;
      o.reason = explorer->busy_wait_reason() + ", and it never finished";
      o.findings.push_back({"busy_wait", explorer->busy_wait_reason()});
      o.trace = explorer->trace();
      return o;
    }
  }
  executor.join();
  return shared->outcome;
}

Outcome explore_loop(const Problem& problem, const RunOptions& options) {
  if (problem.needs_real_parallelism()) {
    Outcome out;
    out.verdict = "not_applicable";
    out.reason = "explore mode runs one thread at a time, and " + problem.slug() +
                 " is judged on threads running in parallel; use the stress or tsan mode";
    return out;
  }
  set_one_thread_at_a_time(true);
  struct Reset {
    ~Reset() { set_one_thread_at_a_time(false); }
  } reset;
  const std::vector<Case> cases = numbered_cases(problem);
  Outcome out;
  if (cases.empty()) {
    out.verdict = "internal_error";
    out.reason = "the problem has no test cases";
    return out;
  }
  // --strategy NAME or NAME@INDEX; an unknown name or a bad index is an error, never a default.
  std::string only = options.strategy;
  std::uint64_t first_index = 0;
  if (auto at = only.find('@'); at != std::string::npos) {
    const std::string index = only.substr(at + 1);
    only = only.substr(0, at);
    if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos) {
      out.verdict = "internal_error";
      out.reason = "bad schedule index '" + index + "' in --strategy (expected NAME@NUMBER)";
      return out;
    }
    first_index = std::stoull(index);
  }
  std::vector<StrategyKind> portfolio = {StrategyKind::random, StrategyKind::pct,
                                         StrategyKind::dfs};
  if (!only.empty()) {
    StrategyKind kind{};
    if (!parse_strategy(only, &kind)) {
      out.verdict = "internal_error";
      out.reason = "unknown exploration strategy '" + only + "' (known: random, pct, dfs)";
      return out;
    }
    portfolio = {kind};
  }
  auto random = make_strategy(StrategyKind::random);
  auto pct = make_strategy(StrategyKind::pct);
  std::vector<std::unique_ptr<Strategy>> dfs;  // one search per case
  for (std::size_t k = 0; k < cases.size(); ++k) dfs.push_back(make_strategy(StrategyKind::dfs));
  const bool dfs_in_portfolio =
      std::find(portfolio.begin(), portfolio.end(), StrategyKind::dfs) != portfolio.end();
  // The cases the bounded search covers: the exhaustible ones (small scope), or every case when
  // the problem declares none.
  std::vector<bool> searched(cases.size());
  const bool any_exhaustible =
      std::any_of(cases.begin(), cases.end(), [](const Case& c) { return c.exhaustible; });
  int cases_searched = 0;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    searched[k] = cases[k].exhaustible || !any_exhaustible;
    cases_searched += searched[k];
  }
  auto cases_complete = [&] {
    int n = 0;
    for (std::size_t k = 0; k < cases.size(); ++k)
      n += searched[k] && dfs[k]->exhausted() && !static_cast<DfsStrategy&>(*dfs[k]).truncated();
    return n;
  };
  // Case k's bounded search is wanted and not over yet.
  auto searching = [&](std::size_t k) { return searched[k] && !dfs[k]->exhausted(); };
  auto searches_exhausted = [&] {
    for (std::size_t k = 0; k < cases.size(); ++k)
      if (searching(k)) return false;
    return true;
  };
  long long sampled_schedules = 0;  // on the cases the search does not cover
  auto explored = [&] {
    Explored e;
    e.schedules = out.trials;
    e.preemption_bound = dfs_in_portfolio ? dfs.front()->preemption_bound() : -1;
    e.cases_complete = dfs_in_portfolio ? cases_complete() : 0;
    e.complete = dfs_in_portfolio && e.cases_complete == static_cast<int>(cases.size());
    e.cases = static_cast<int>(cases.size());
    e.cases_sampled = static_cast<int>(cases.size()) - cases_searched;
    e.sampled_schedules = sampled_schedules;
    return e;
  };

  int workers = 0;
  for (const auto& c : cases) workers = std::max(workers, c.actors);

  // --replay SCHEDULE: one execution, the recorded choices fed back (cj/schedule.hpp).
  std::optional<ReplayStrategy> replaying;
  Schedule replay;
  if (!options.replay.empty()) {
    std::string why = parse_schedule(options.replay, &replay);
    if (why.empty() && replay.case_index >= static_cast<int>(cases.size()))
      why = "the schedule's case " + std::to_string(replay.case_index) + " is not one of the " +
            std::to_string(cases.size()) + " cases";
    if (!why.empty()) {
      out.verdict = Verdict::internal_error;
      out.reason = why;
      return out;
    }
    std::vector<Choice> choices;
    for (const ScheduleChoice& sc : replay.choices)
      choices.push_back({sc.kind == 'r'   ? Choice::Kind::run
                         : sc.kind == 's' ? Choice::Kind::spurious_wakeup
                         : sc.kind == 'e' ? Choice::Kind::early_timeout
                                          : Choice::Kind::index,
                         sc.value});
    replaying.emplace(replay.by, std::move(choices));
  }
  Scheduler* const explorer = g_scheduler;

  const CpuBudget budget;
  for (std::uint64_t i = first_index;; ++i) {
    const std::uint64_t done = i - first_index;
    if (replaying && done > 0) break;
    if (!replaying && done >= cases.size() && (done & 15) == 0 &&
        budget.spent_s() >= options.budget_s)
      break;
    std::size_t case_index =
        replaying ? static_cast<std::size_t>(replay.case_index) : i % cases.size();
    const StrategyKind kind = portfolio[(i / cases.size()) % portfolio.size()];
    if (!replaying && kind == StrategyKind::dfs && dfs_in_portfolio && !searching(case_index)) {
      // This case's search is over or not wanted: the turn goes to the next case whose bounded
      // search is still running, so that the small cases' proofs are not starved by the time
      // the large cases' samples take.
      for (std::size_t step = 1; step < cases.size(); ++step) {
        const std::size_t k = (case_index + step) % cases.size();
        if (searching(k)) {
          case_index = k;
          break;
        }
      }
    }
    const Case& c = cases[case_index];
    Strategy* strategy = kind == StrategyKind::pct ? pct.get() : random.get();
    std::uint64_t seed = schedule_seed(options.seed, i);
    if (replaying) {
      strategy = &*replaying;
      seed = replay.seed;
    } else if (dfs_in_portfolio && searches_exhausted() &&
               (cases_searched == static_cast<int>(cases.size()) || portfolio.size() == 1)) {
      // Every bounded search is over: nothing is left to sample that DFS has not seen (with
      // cases too large to search, the portfolio samples them for the whole budget; DFS alone
      // stops).
      out.explored = explored();
      break;
    }
    if (!replaying && kind == StrategyKind::dfs) {
      if (searching(case_index)) {
        strategy = dfs[case_index].get();
        seed = schedule_seed(options.seed, case_index);
      } else if (portfolio.size() == 1) {
        continue;
      }
    }
    if (!replaying && !searched[case_index]) ++sampled_schedules;
    std::unique_ptr<Trial> trial = problem.make(c);
    ExecutionResult r = g_scheduler->run(*trial, c, *strategy, seed, options.stall_s);
    ++out.trials;
    using Kind = ExecutionResult::Kind;
    // The failing execution as data, for --replay (its choices are the first scheduler's).
    auto scheduled = [&](Outcome o) {
      if (replaying) o.strategy = replay.by;
      Schedule s{static_cast<int>(case_index), seed, o.strategy, {}};
      for (const Choice& ch : explorer->choices()) {
        static constexpr char kKinds[] = {'r', 's', 'e', 'i'};
        s.choices.push_back({kKinds[static_cast<int>(ch.kind)], ch.value});
      }
      o.schedule = format_schedule(s);
      return o;
    };
    auto with_lines = [&](Outcome& o, bool own_reason) {
      replay_with_lines(problem, c, seed, *strategy, workers, options.stall_s, own_reason, o);
    };
    // A data race ends the execution where it happens (its threads stay suspended there).
    if (r.kind == Kind::data_race) {
      Outcome o = failed(Verdict::data_race, r.reason, c, strategy->name(), i);
      o.trials = out.trials;
      o.trace = std::move(r.trace);
      (void)trial.release();
      with_lines(o, false);
      return scheduled(std::move(o));
    }
    // An exception that escaped a method comes first: it may also have left others stuck.
    if (!r.error.empty()) {
      Outcome o = failed("runtime_error", r.error, c, strategy->name(), i);
      o.trials = out.trials;
      o.trace = g_scheduler->trace();
      if (r.kind != Kind::finished) (void)trial.release();
      with_lines(o, false);
      return scheduled(std::move(o));
    }
    if ((r.kind == Kind::deadlock || r.kind == Kind::livelock) && r.actors_returned &&
        !r.leaked.empty()) {
      // Stress mode sees the same as a thread left running after the trial: one verdict for it.
      Outcome o = failed("leaked_thread",
                         "every method returned, but " + r.leaked +
                             ", a thread the solution started, never ended (" +
                             (r.kind == Kind::deadlock ? "it stayed blocked" : "it kept looping") +
                             "); a solution must not leave threads running",
                         c, strategy->name(), i);
      o.trials = out.trials;
      o.trace = std::move(r.trace);
      (void)trial.release();
      with_lines(o, false);
      return scheduled(std::move(o));
    }
    if (r.kind != Kind::finished && r.kind != Kind::busy_wait) {
      if (Check failure = trial->failure_so_far()) {  // the stall is its consequence
        Outcome o = failed(failure->verdict, failure->reason, c, strategy->name(), i);
        o.trials = out.trials;
        o.trace = r.trace.empty() ? g_scheduler->trace() : std::move(r.trace);
        (void)trial.release();
        with_lines(o, false);
        return scheduled(std::move(o));
      }
    }
    if (r.kind == Kind::deadlock || r.kind == Kind::livelock) {
      Outcome o = failed(r.kind == Kind::deadlock ? Verdict::deadlock : Verdict::livelock, r.reason,
                         c, strategy->name(), i);
      o.trials = out.trials;
      o.trace = std::move(r.trace);
      (void)trial.release();  // its threads are still blocked inside it
      with_lines(o, true);
      return scheduled(std::move(o));
    }
    if (r.kind == Kind::busy_wait_stuck) {
      Outcome o =
          failed("time_limit", r.reason + ", and it never finished", c, strategy->name(), i);
      o.trials = out.trials;
      o.findings.push_back({"busy_wait", r.reason});
      o.trace = std::move(r.trace);
      (void)trial.release();
      return scheduled(std::move(o));
    }
    if (Check failure = trial->check()) {
      Outcome o = failed(failure->verdict, failure->reason, c, strategy->name(), i);
      o.trials = out.trials;
      o.expected = failure->expected;
      o.got = failure->got;
      if (!failure->finding.empty()) o.findings.push_back({failure->finding, failure->reason});
      o.trace = r.trace.empty() ? g_scheduler->trace() : std::move(r.trace);
      if (r.kind == Kind::busy_wait)
        o.findings.push_back({"busy_wait", r.reason});
      else
        with_lines(o, false);
      return scheduled(std::move(o));
    }
    if (r.kind == Kind::busy_wait) {
      // The solution spins where the explorer cannot schedule: stop exploring, keep the finding.
      out.findings.push_back({"busy_wait", r.reason});
      out.explored = explored();
      out.explored->complete = false;
      return out;
    }
  }
  if (!out.explored) out.explored = explored();
  return out;
}

/// A rejection carries the failing execution as a timeline (the scheduler still holds it).
Outcome run_explore_drawn(const Problem& problem, const RunOptions& options) {
  Outcome o = run_explore(problem, options);
  if (o.verdict != Verdict::accepted && !o.trace.empty() && g_scheduler)
    o.timeline = g_scheduler->timeline(o.verdict.str(), o.reason);
  return o;
}

Outcome run_noise(const Problem& problem, const RunOptions& options) {
  g_noise.store(true);
  Outcome o = run_stress(problem, options);
  g_noise.store(false);
  return o;
}

}  // namespace

CJ_RUNNER(Mode::explore, run_explore_drawn);
namespace {
const bool noise_registered = (register_runner(Mode::noise, run_noise), true);
}

}  // namespace cj::explore
