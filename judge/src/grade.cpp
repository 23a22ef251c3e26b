#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "judge.hpp"
#include "report.hpp"

namespace cj {

int cmd_grade(const ProblemInfo& problem, const GradeOptions& options, std::ostream& out) {
  std::vector<std::filesystem::path> files;
  for (const auto& p : options.paths) {
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p))
        if (e.path().extension() == ".cpp") files.push_back(e.path());
    } else if (std::filesystem::is_regular_file(p)) {
      files.push_back(p);
    } else {
      std::cerr << "cj: no such file or folder: " << p << "\n";
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  nlohmann::json results = nlohmann::json::array();
  bool all_accepted = true;
  for (const auto& f : files) {
    JudgeRequest req;
    req.problem = problem;
    req.submission = f;
    req.shown_as = f.string();
    req.budget_s = options.budget_s;
    req.mode = options.mode;
    JudgeResult r = judge_submission(req);
    all_accepted &= r.verdict == "accepted";
    results.push_back(to_json(r));
    if (!options.json) out << r.verdict << "  " << r.submission << "  " << r.reason << "\n";
  }
  if (options.json)
    out << nlohmann::json{{"problem", problem.slug}, {"results", results}}.dump(2) << "\n";
  return all_accepted ? 0 : 1;
}

}  // namespace cj
