// Cases written as named integers, "n = 3, rounds = 5": built once, read back by make().
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cj {

/// "n = 3, rounds = 5" from {{"n", 3}, {"rounds", 5}}.
inline std::string case_input(const std::vector<std::pair<std::string, int>>& params) {
  std::string s;
  for (const auto& [name, value] : params)
    s += (s.empty() ? "" : ", ") + name + " = " + std::to_string(value);
  return s;
}

/// The value of `name` in an input that case_input() wrote.
inline int case_param(const std::string& input, std::string_view name) {
  const std::string key = std::string(name) + " = ";
  for (std::size_t at = input.find(key); at != std::string::npos; at = input.find(key, at + 1))
    if (at == 0 || input.compare(at - 2, 2, ", ") == 0)
      return std::stoi(input.substr(at + key.size()));
  throw std::logic_error("case \"" + input + "\" has no " + std::string(name));
}

}  // namespace cj
