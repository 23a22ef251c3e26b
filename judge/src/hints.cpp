#include "hints.hpp"

#include <fstream>

namespace cj {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \n\t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \n\t") - first + 1);
}

}  // namespace

std::vector<std::string> load_hints(const std::filesystem::path& file) {
  std::vector<std::string> hints;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0)
      hints.emplace_back();
    else if (!hints.empty())
      hints.back() += line + '\n';
  }
  for (auto& h : hints) h = trimmed(h);
  return hints;
}

}  // namespace cj
