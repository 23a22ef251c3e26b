// The bodies of cj/case_params.hpp, compiled once into the harness library.
#include "cj/case_params.hpp"

namespace cj {

std::string case_input(const CaseParams& params) {
  std::string s;
  for (const auto& [name, value] : params)
    s += (s.empty() ? "" : ", ") + name + " = " + std::to_string(value);
  return s;
}

NamedCases& NamedCases::add(CaseParams params, int actors) {
  Case c{case_input(params), actors, {}};
  c.index = cases_.size();
  cases_.push_back(std::move(c));
  params_.push_back(std::move(params));
  return *this;
}

int NamedCases::param(const Case& c, std::string_view name) const {
  if (c.index >= params_.size())
    throw std::logic_error("case " + std::to_string(c.index) + " is not one of the " +
                           std::to_string(params_.size()) + " cases");
  for (const auto& [n, value] : params_[c.index])
    if (n == name) return value;
  throw std::logic_error("case \"" + c.input + "\" has no " + std::string(name));
}

}  // namespace cj
