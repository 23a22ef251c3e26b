// cj merge: the reports of one batch graded in shards (`cj grade --shard I/N` on several
// machines), rebuilt from the shards' state files in the order one run would have listed them.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "grade_state.hpp"

namespace cj {

int cmd_merge(const std::vector<std::string>& states, const ReportOptions& reports,
              std::ostream& out) {
  auto fail = [](const std::string& why) {
    std::cerr << "cj merge: " << why << "\n";
    return 2;
  };
  GradeBatch merged;
  std::map<int, std::string> shard_files;  // shard index -> the state file that holds it
  std::map<std::size_t, nlohmann::json> by_index;
  int count = 0;
  std::size_t total = 0;
  std::string budget;
  for (const auto& path : states) {
    if (!std::filesystem::is_regular_file(path)) return fail("no such state file: " + path);
    GradeState state(path);
    const auto& batch = state.last_batch();
    if (!batch)
      return fail(path + " holds no finished batch (did that `cj grade --shard` run end?)");
    const auto& b = *batch;
    const int index = b["shard"]["index"].get<int>();
    const int n = b["shard"]["count"].get<int>();
    const std::string problem = b["problem"].get<std::string>();
    const std::string mode = b["mode"].get<std::string>();
    const std::string this_budget = b["budget_s"].dump();
    if (shard_files.empty()) {
      merged.problem = problem;
      merged.mode = mode;
      merged.sandbox = b.value("sandbox", "");
      count = n;
      total = b["total_files"].get<std::size_t>();
      budget = this_budget;
    } else if (problem != merged.problem || mode != merged.mode || n != count ||
               b["total_files"].get<std::size_t>() != total || this_budget != budget) {
      return fail(fmt::format(
          "{} is a shard of another batch ({} in mode {}, {} shards, {} files, budget {}) than "
          "{} ({} in mode {}, {} shards, {} files, budget {})",
          path, problem, mode, n, b["total_files"].get<std::size_t>(), this_budget,
          shard_files.begin()->second, merged.problem, merged.mode, count, total, budget));
    }
    if (!shard_files.emplace(index, path).second)
      return fail(
          fmt::format("shard {}/{} is given twice: {} and {}", index, n, shard_files[index], path));
    for (const auto& f : b["files"]) {
      const auto result = state.find(f["key"].get<std::string>());
      if (!result)
        return fail(fmt::format("{} lists a file it holds no verdict for ({})", path,
                                f["key"].get<std::string>()));
      by_index[f["index"].get<std::size_t>()] = *result;
    }
    merged.elapsed_s = std::max(merged.elapsed_s, b.value("elapsed_s", 0.0));
    merged.recorded_earlier += b.value("recorded_earlier", std::size_t(0));
  }
  if (states.empty()) return fail("no state files given");
  std::vector<int> missing;
  for (int i = 0; i < count; ++i)
    if (!shard_files.count(i)) missing.push_back(i);
  if (!missing.empty())
    return fail(fmt::format("shards {} of {} are missing; give every shard's state file",
                            fmt::join(missing, ", "), count));
  if (by_index.size() != total)
    return fail(fmt::format("the shards cover {} of the batch's {} files", by_index.size(), total));
  for (auto& [index, result] : by_index) merged.results.push_back(std::move(result));
  return finish_batch(merged, reports, out);
}

}  // namespace cj
