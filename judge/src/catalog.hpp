// The problems cj knows: every folder under problems/ with a problem.json. Nothing else lists
// them, so adding a problem never touches the judge.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cj {

struct ProblemInfo {
  int number = 0;
  std::string slug;
  std::string title;
  std::string difficulty;
  std::vector<std::string> tags;
  std::string class_name;
  double budget_s = 2.0;
  std::filesystem::path dir;

  std::filesystem::path statement() const { return dir / "statement.md"; }
  std::filesystem::path stub() const { return dir / "stub.cpp"; }
  std::filesystem::path driver() const { return dir / "driver.hpp"; }
};

class Catalog {
 public:
  /// Reads every problems/*/problem.json; a malformed one is an error naming the file.
  static Catalog load(const std::filesystem::path& problems_dir);

  const std::vector<ProblemInfo>& problems() const { return problems_; }
  /// By slug ("print-in-order") or number ("1114").
  std::optional<ProblemInfo> find(const std::string& key) const;

 private:
  std::vector<ProblemInfo> problems_;
};

}  // namespace cj
