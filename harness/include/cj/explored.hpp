// How much of the schedule space an explore run covered: written by the harness on its result
// line, read by the judge, shown in `cj judge --json` as "explored". One type on both sides of
// the judge-harness line, with its one JSON form.
#pragma once

#include <nlohmann/json.hpp>

namespace cj {

struct Explored {
  long long schedules = 0;
  /// Every case's bounded search (DFS, preemption_bound) was exhausted: no schedule within the
  /// bound was left untried.
  bool complete = false;
  int preemption_bound = -1;  // -1: no systematic search ran
  int cases_complete = 0;
  int cases = 0;
};

// A missing field reads as its default above.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Explored, schedules, complete, preemption_bound,
                                                cases_complete, cases)

}  // namespace cj
