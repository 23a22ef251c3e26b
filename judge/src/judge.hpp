// Judging one submission: build it, run it in the modes asked for, turn what happened into a
// verdict with a reason a learner understands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "cj/explored.hpp"
#include "cj/mode.hpp"
#include "cj/verdict.hpp"
#include "process.hpp"

namespace cj {

struct JudgeRequest {
  ProblemInfo problem;
  std::filesystem::path submission;
  std::string shown_as;  // the path as the user typed it
  std::optional<std::uint64_t> seed;
  std::optional<double> budget_s;
  Mode mode = Mode::standard;
  std::string strategy;  // explore: checked by strategy_spec_error() before judging
  /// Explore: a schedule to replay (cj/schedule.hpp's text form, checked before judging), or
  /// empty. The plan is then explore alone, one execution.
  std::string replay;
};

struct JudgeFinding {
  std::string kind;
  std::string message;
};

struct JudgeResult {
  std::string problem;
  std::string submission;
  Verdict verdict = Verdict::internal_error;
  std::string reason;
  std::string mode;  // as reported: the deciding mode, or the modes run joined by "+"
  std::optional<std::uint64_t> seed;
  std::optional<std::string> replay;
  long long trials = 0;
  double run_s = 0;
  double elapsed_s = 0;
  double compile_s = 0;
  std::vector<JudgeFinding> findings;
  std::string input, expected, got;
  std::vector<std::string> trace;
  /// Explore: the failing execution for a picture (harness/src/explore/timeline.cpp); null
  /// when the failure has none (found by stress or tsan, or a compile error).
  nlohmann::json timeline;
  std::string strategy;  // explore: the strategy that found the failure (for the replay)
  std::optional<Explored> explored;  // explore: its coverage
  std::string schedule;              // explore: the failing execution's schedule, for --replay
  std::string diagnostics;           // compiler errors, or the program's output when it crashed
};

JudgeResult judge_submission(const JudgeRequest& request);

/// Interprets one run of a submission's executable; exposed for tests.
JudgeResult interpret_run(Mode mode, const ProcessResult& run, const Limits& limits);

}  // namespace cj
