// The small subcommands: list, show, new, bench.
#pragma once

#include <ostream>
#include <string>

#include "catalog.hpp"

namespace cj {

int cmd_list(const Catalog& catalog, std::ostream& out);
int cmd_show(const ProblemInfo& problem, std::ostream& out);
int cmd_new(const ProblemInfo& problem, const std::string& file, std::ostream& out);

struct BenchOptions {
  double seconds = 1.0;
  bool json = false;
};
/// Stress trials per second on Print in Order, long-lived workers against fresh threads per
/// trial, measured in the same run.
int cmd_bench(const Catalog& catalog, const BenchOptions& options, std::ostream& out);

}  // namespace cj
