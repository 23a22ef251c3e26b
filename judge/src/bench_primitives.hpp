// `cj bench primitives`: what each reference solution of the hand-off problems costs, timed with
// Google Benchmark beside the machine's own limits (a spinning, a futex and a mutex +
// condition-variable ping-pong), as a table, JSON and an SVG bar chart.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace cj {

struct PrimitiveBenchOptions {
  std::vector<std::string> problems;  // slugs or numbers; empty: every problem with a bench.hpp
  std::string json_file, svg_file;    // written when set
  int repetitions = 5;
  double min_time_s = 0.1;  // per repetition
};

int cmd_bench_primitives(const Catalog& catalog, const PrimitiveBenchOptions& options,
                         std::ostream& out);

/// The family of primitive a solution hands off with, for the "x raw loop" ratio: "spin",
/// "futex" or "mutex_cv". A line `// primitive: NAME` in the file decides; else its text.
std::string primitive_family(const std::string& source);

}  // namespace cj
