// The small subcommands: list, show, new, bench.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "grade_reports.hpp"

namespace cj {

int cmd_list(const Catalog& catalog, std::ostream& out);
int cmd_show(const ProblemInfo& problem, std::ostream& out);
int cmd_new(const ProblemInfo& problem, const std::string& file, std::ostream& out);

struct BenchOptions {
  double seconds = 1.0;
  bool json = false;
};
struct GradeOptions {
  std::vector<std::string> paths;  // files or folders of .cpp files
  ReportOptions reports;
  int jobs = 1;
  std::optional<double> budget_s;
  Mode mode = Mode::standard;
  std::string state;   // verdicts remembered across runs (JSON lines); empty: in the build cache
  bool fresh = false;  // judge everything again, ignoring remembered verdicts
  std::string shard;   // "I/N": judge only slice I of N (see shard.hpp); empty: all
  std::optional<std::uint64_t> seed;  // the same seed for every file: the same verdicts anywhere
};
/// Judges every file; exit status 0 when all are accepted, 1 otherwise, 2 for usage errors.
int cmd_grade(const ProblemInfo& problem, const GradeOptions& options, std::ostream& out);

/// Rebuilds the reports of one batch from the state files of its shards (`cj grade --shard`):
/// every shard 0..N-1 of the same problem and mode must be there once. Exit status as cmd_grade's.
int cmd_merge(const std::vector<std::string>& states, const ReportOptions& reports,
              std::ostream& out);

/// Stress trials per second on Print in Order, long-lived workers against fresh threads per
/// trial, measured in the same run.
int cmd_bench(const Catalog& catalog, const BenchOptions& options, std::ostream& out);

}  // namespace cj
