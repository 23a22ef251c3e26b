// Cases written as named integers: shown to the learner as "n = 3, rounds = 5", found again by
// the case's index (Case::index), never by parsing that text back.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cj/problem.hpp"

namespace cj {

using CaseParams = std::vector<std::pair<std::string, int>>;

/// "n = 3, rounds = 5" from {{"n", 3}, {"rounds", 5}}.
std::string case_input(const CaseParams& params);

/// A problem's cases and the named values behind each: a driver builds it once, returns its
/// cases() from Problem::cases() and reads param() in make() and actor_name().
class NamedCases {
 public:
  /// Adds a case of `actors` threads, shown as case_input(params).
  NamedCases& add(CaseParams params, int actors);
  const std::vector<Case>& cases() const { return cases_; }
  /// The value of `name` in case c (one of cases(), as a runner hands it back).
  int param(const Case& c, std::string_view name) const;

 private:
  std::vector<Case> cases_;
  std::vector<CaseParams> params_;
};

}  // namespace cj
