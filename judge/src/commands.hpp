// The small subcommands: list, show, new, bench.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "catalog.hpp"

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
  bool json = false;
  std::string junit, gradescope, html;  // report files to write; empty: none
  int jobs = 1;
  std::optional<double> budget_s;
  std::string mode = "default";
  std::string state;   // verdicts remembered across runs (JSON lines); empty: in the build cache
  bool fresh = false;  // judge everything again, ignoring remembered verdicts
};
/// Judges every file; exit status 0 when all are accepted, 1 otherwise, 2 for usage errors.
int cmd_grade(const ProblemInfo& problem, const GradeOptions& options, std::ostream& out);

/// Stress trials per second on Print in Order, long-lived workers against fresh threads per
/// trial, measured in the same run.
int cmd_bench(const Catalog& catalog, const BenchOptions& options, std::ostream& out);

}  // namespace cj
