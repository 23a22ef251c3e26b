// The harness's internal seam between its main() and the runners (one per judge mode).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cj/explored.hpp"
#include "cj/mode.hpp"
#include "cj/problem.hpp"
#include "cj/verdict.hpp"

namespace cj {

struct Finding {
  std::string kind;
  std::string message;
};

struct RunOptions {
  Mode mode = Mode::stress;
  std::uint64_t seed = 1;
  double budget_s = 2.0;
  /// Seconds without any progress after which a stress trial counts as stuck.
  double stall_s = 1.0;
  /// Explore: the strategy to use (a name of cj::strategy_names, maybe NAME@INDEX); empty means
  /// the runner's portfolio. main() checks it before any runner sees it.
  std::string strategy;
  /// Explore: a schedule to replay once (cj/schedule.hpp's text form; main() checks it), or empty.
  std::string replay;
};

/// What a run decided. Written to the judge as one JSON object (see result_writer.cpp).
struct Outcome {
  Verdict verdict = Verdict::accepted;
  std::string reason;
  long long trials = 0;
  std::string input;
  std::string expected;
  std::string got;
  std::vector<Finding> findings;
  /// Explore: the failing schedule, one readable line per step.
  std::vector<std::string> trace;
  /// Explore: the failing execution as a JSON object for a picture (empty: none).
  std::string timeline;
  /// Explore: the strategy that found the failure, for the replay command.
  std::string strategy;
  /// Explore: the failing execution's schedule (cj/schedule.hpp's text form), for --replay.
  std::string schedule;
  /// Explore: the coverage of an accepting run.
  std::optional<Explored> explored;
};

using Runner = Outcome (*)(const Problem&, const RunOptions&);

/// Runners register themselves by mode from their own file (see CJ_RUNNER).
void register_runner(Mode mode, Runner runner);
Runner find_runner(Mode mode);
std::vector<Mode> runner_modes();

const Problem* registered_problem();

/// True inside await_quiescence()'s sleep on the calling thread: explore never ends that sleep
/// early, so that it ends only once no other thread can run.
bool awaiting_quiescence() noexcept;

/// The progress counter behind note_progress(): stall detectors compare two readings.
unsigned long long progress_count() noexcept;

/// Set by a controlled runner for as long as it runs trials (see one_thread_at_a_time()).
void set_one_thread_at_a_time(bool on) noexcept;

/// Set by a controlled scheduler while an execution runs in which a sleep ends only when no
/// other thread can run (see await_quiescence()); cleared when it ends or lets threads go.
void set_quiescence_exact(bool exact) noexcept;
/// What time_kept_pace() says: set at the start of an explore execution, cleared when its virtual
/// time stops being exact.
void set_time_kept_pace(bool kept) noexcept;

}  // namespace cj

#define CJ_RUNNER(mode, fn) \
  static const bool cj_runner_registered_ = (::cj::register_runner(mode, fn), true)
