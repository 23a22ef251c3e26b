// How much of the schedule space an explore run covered: written by the harness on its result
// line, read by the judge, shown in `cj judge --json` as "explored". One type on both sides of
// the judge-harness line, with its one JSON form.
#pragma once

#include <nlohmann/json.hpp>

namespace cj {

struct Explored {
  long long schedules = 0;
  /// Every case's bounded search (DFS, preemption_bound) was exhausted: no schedule within the
  /// bound was left untried. Never true while some case is only sampled (cases_sampled).
  bool complete = false;
  int preemption_bound = -1;  // -1: no systematic search ran
  int cases_complete = 0;
  int cases = 0;
  /// Cases too large for the bounded search (Case::exhaustible false): only random walks and
  /// PCT sample them, and they are never counted complete (0: the search covers them all).
  int cases_sampled = 0;
  /// Schedules run on those cases (0 under `--strategy dfs`, which only searches).
  long long sampled_schedules = 0;

  /// The bounded search was exhausted on every case it covers (the small ones, when some are
  /// only sampled).
  bool searched_cases_complete() const {
    return preemption_bound >= 0 && cases_complete == cases - cases_sampled;
  }
};

// A missing field reads as its default above.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Explored, schedules, complete, preemption_bound,
                                                cases_complete, cases, cases_sampled,
                                                sampled_schedules)

}  // namespace cj
