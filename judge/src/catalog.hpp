// The problems cj knows: every folder under problems/ with a problem.json. Nothing else lists
// them, so adding a problem never touches the judge.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cj/mode.hpp"

namespace cj {

/// A group of problems shown together by `cj list` ("leetcode", "classics", ...).
struct Collection {
  std::string id;     // as written in problem.json
  std::string title;  // as shown to people
};
/// Every collection, in the order `cj list` shows them. problem.json must name one of these.
const std::vector<Collection>& collections();

/// A submission that uses a library some modes cannot follow is judged without those modes
/// (ThreadSanitizer and the explorer do not see Boost.Fiber's stack switches and spinlocks).
struct ModeNote {
  std::string uses;        // text whose presence in the submission applies the note
  std::vector<Mode> skip;  // modes the default plan leaves out, e.g. tsan
  std::string why;         // one sentence, shown by `cj show` and as a finding
};

struct ProblemInfo {
  int number = 0;  // LeetCode's number; 0 for cj's own problems (found by slug only)
  std::string slug;
  std::string title;
  std::string difficulty;
  std::vector<std::string> tags;
  std::string collection;  // a Collection::id
  std::string class_name;
  /// Extra libraries the driver links against (without "-l"), e.g. "boost_fiber".
  std::vector<std::string> link;
  std::vector<ModeNote> modes;  // from problem.json "modes"
  /// problem.json "fork": the answer may fork() worker processes (parallel-map). Only shown to
  /// the learner and named in the reason of a process limit: the limit itself is the same.
  bool allows_fork = false;
  double budget_s = 2.0;
  std::filesystem::path dir;

  std::filesystem::path statement() const { return dir / "statement.md"; }
  std::filesystem::path stub() const { return dir / "stub.cpp"; }
  std::filesystem::path driver() const { return dir / "driver.hpp"; }
  std::filesystem::path hints() const { return dir / "hints.md"; }
  /// "1114" for LeetCode's problems, the slug for cj's own.
  std::string label() const { return number ? std::to_string(number) : slug; }
};

/// A file of solutions/<slug>/ and what its first two lines say of it.
struct ShippedSolution {
  std::filesystem::path file;
  /// What `// expect: X` names: one verdict ("accepted", "deadlock"), several a bug legitimately
  /// shows as ("deadlock or wrong_answer"), "rejected" (any rejection), or "".
  std::string expect;
  std::string judge_mode;  // `// judge-mode: X` on the second line, or ""
  /// Whether the label allows this verdict name.
  bool expects(std::string_view verdict) const;
};
/// Every .cpp file of the problem's solutions folder, sorted by path (none when it has none).
std::vector<ShippedSolution> shipped_solutions(const ProblemInfo& problem);

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
