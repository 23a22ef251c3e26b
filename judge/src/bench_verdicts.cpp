#include "bench_verdicts.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cj_paths.hpp"
#include "judge.hpp"

namespace cj {
namespace {

namespace fs = std::filesystem;

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

/// The submission cache is pointed at a new empty folder for the whole run, so every file is
/// compiled as a learner's first attempt would be (the precompiled preludes are part of the
/// build, not of the cache).
class FreshCache {
 public:
  FreshCache() {
    std::string tmpl = (fs::temp_directory_path() / "cj-bench-verdicts-XXXXXX").string();
    if (mkdtemp(tmpl.data())) dir_ = tmpl;
    if (!dir_.empty()) setenv("CJ_CACHE_DIR", dir_.c_str(), 1);
  }
  ~FreshCache() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  bool ok() const { return !dir_.empty(); }

 private:
  std::string dir_;
};

JudgeResult judge_once(const ProblemInfo& problem, const fs::path& file, const std::string& shown,
                       Mode mode) {
  JudgeRequest req;
  req.mode = mode;
  req.problem = problem;
  req.submission = file;
  req.shown_as = shown;
  req.seed = 1;
  return judge_submission(req);
}

}  // namespace

int cmd_bench_verdicts(const Catalog& catalog, const VerdictBenchOptions& options,
                       std::ostream& out) {
  std::vector<ProblemInfo> chosen;
  for (const auto& key : options.problems) {
    auto p = catalog.find(key);
    if (!p) {
      out << "cj bench verdicts: no problem " << key << "\n";
      return 2;
    }
    chosen.push_back(*p);
  }
  if (options.problems.empty()) chosen = catalog.problems();
  FreshCache cache;
  if (!cache.ok()) {
    out << "cj bench verdicts: cannot make an empty cache folder under "
        << fs::temp_directory_path() << "\n";
    return 3;
  }

  nlohmann::json files = nlohmann::json::array();
  std::vector<double> waits, compiles;
  int mislabelled = 0;
  for (const auto& problem : chosen) {
    for (const ShippedSolution& shipped : shipped_solutions(problem)) {
      if (shipped.file.filename().string().rfind("buggy_", 0) != 0) continue;
      const fs::path& file = shipped.file;
      const std::string& label = shipped.expect;
      const std::string shown = fs::relative(file, paths::source_dir).string();
      const JudgeResult r = judge_once(
          problem, file, shown, parse_judge_mode(shipped.judge_mode).value_or(Mode::standard));
      const bool held = shipped.expects(r.verdict.name());
      mislabelled += !held;
      waits.push_back(r.elapsed_s);
      compiles.push_back(r.compile_s);
      files.push_back({{"problem", problem.slug},
                       {"file", shown},
                       {"label", label},
                       {"verdict", r.verdict.name()},
                       {"mode", r.mode},
                       {"elapsed_s", r.elapsed_s},
                       {"compile_s", r.compile_s}});
      out << fmt::format("{:>6.2f} s  {:<16} {}{}\n", r.elapsed_s, r.verdict.name(), shown,
                         held ? "" : "   (label: " + label + ")");
      out.flush();
    }
  }

  // A correct answer spends its budget; what it costs beyond the budget is the judge's own time.
  nlohmann::json correct = nullptr;
  if (auto p = catalog.find("print-in-order")) {
    const std::string shown = "solutions/print-in-order/mutex_cv.cpp";
    const JudgeResult r =
        judge_once(*p, fs::path(paths::source_dir) / shown, shown, Mode::standard);
    correct = {{"file", shown},
               {"verdict", r.verdict.name()},
               {"budget_s", p->budget_s},
               {"elapsed_s", r.elapsed_s},
               {"over_budget_s", r.elapsed_s - p->budget_s}};
  }

  nlohmann::json summary = {
      {"rejections", waits.size()},
      {"mislabelled", mislabelled},
      {"median_s", quantile(waits, 0.5)},
      {"p90_s", quantile(waits, 0.9)},
      {"max_s", waits.empty() ? 0.0 : *std::max_element(waits.begin(), waits.end())},
      {"median_compile_s", quantile(compiles, 0.5)},
      {"correct", correct},
      {"files", files}};
  out << fmt::format(
      "\n{} known-buggy files on an empty cache: median {:.2f} s to the verdict (compile {:.2f} "
      "s), 90th percentile {:.2f} s, worst {:.2f} s; {} verdicts differ from their labels\n",
      waits.size(), summary["median_s"].get<double>(), summary["median_compile_s"].get<double>(),
      summary["p90_s"].get<double>(), summary["max_s"].get<double>(), mislabelled);
  if (correct.is_object())
    out << fmt::format(
        "a correct Print in Order answer: {} in {:.2f} s, {:.2f} s beyond its "
        "{:.1f} s budget\n",
        correct["verdict"].get<std::string>(), correct["elapsed_s"].get<double>(),
        correct["over_budget_s"].get<double>(), correct["budget_s"].get<double>());
  if (!options.json_file.empty()) {
    std::ofstream j(options.json_file);
    j << summary.dump(2) << "\n";
    if (!j) {
      out << "cj bench verdicts: cannot write " << options.json_file << "\n";
      return 3;
    }
  }
  return 0;
}

}  // namespace cj
