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
inline std::string case_input(const CaseParams& params) {
  std::string s;
  for (const auto& [name, value] : params)
    s += (s.empty() ? "" : ", ") + name + " = " + std::to_string(value);
  return s;
}

/// A problem's cases and the named values behind each: a driver builds it once, returns its
/// cases() from Problem::cases() and reads param() in make() and actor_name().
class NamedCases {
 public:
  /// Adds a case of `actors` threads, shown as case_input(params).
  NamedCases& add(CaseParams params, int actors) {
    Case c{case_input(params), actors, {}};
    c.index = cases_.size();
    cases_.push_back(std::move(c));
    params_.push_back(std::move(params));
    return *this;
  }
  const std::vector<Case>& cases() const { return cases_; }
  /// The value of `name` in case c (one of cases(), as a runner hands it back).
  int param(const Case& c, std::string_view name) const {
    if (c.index >= params_.size())
      throw std::logic_error("case " + std::to_string(c.index) + " is not one of the " +
                             std::to_string(params_.size()) + " cases");
    for (const auto& [n, value] : params_[c.index])
      if (n == name) return value;
    throw std::logic_error("case \"" + c.input + "\" has no " + std::string(name));
  }

 private:
  std::vector<Case> cases_;
  std::vector<CaseParams> params_;
};

}  // namespace cj
