// `cj bench verdicts`: how long a learner waits for a verdict. Every known-buggy shipped file is
// judged once on an empty submission cache (compile included), in the default mode or in the
// mode its second line names (`// judge-mode: tsan`, as its test does), and a correct Print in
// Order answer with the default budget; the figures are the median, the 90th percentile and the
// worst wait for a rejection, and what a correct verdict costs beyond its budget.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace cj {

struct VerdictBenchOptions {
  std::vector<std::string> problems;  // slugs or numbers; empty: every problem
  std::string json_file;              // written when set
};

int cmd_bench_verdicts(const Catalog& catalog, const VerdictBenchOptions& options,
                       std::ostream& out);

}  // namespace cj
