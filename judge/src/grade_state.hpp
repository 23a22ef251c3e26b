// The grader's memory across runs: one JSON line per decided verdict, appended as soon as it is
// decided, keyed by the submission's path and content, the problem, the mode and the budget. A
// batch that was interrupted (Ctrl-C, SIGKILL) and started again judges only what is missing or
// changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cj {

/// The key of one verdict: what must be unchanged for the verdict to still hold.
std::string grade_key(const std::filesystem::path& file, const std::string& problem,
                      const std::string& mode, const std::optional<double>& budget_s,
                      const std::optional<std::uint64_t>& seed = std::nullopt);

class GradeState {
 public:
  /// Reads what earlier runs recorded in `file` (missing file: nothing); lines cut short by a
  /// kill are skipped.
  explicit GradeState(std::filesystem::path file);

  std::optional<nlohmann::json> find(const std::string& key) const;
  /// Appends one line and flushes it to the file at once. Thread-safe.
  void record(const std::string& key, const nlohmann::json& result);
  /// Appends what a finished run of the grader covered (problem, mode, shard, each file's key and
  /// its index in the whole batch), so `cj merge` can rebuild the reports from state files.
  void record_batch(const nlohmann::json& batch);
  /// The last batch line in the file, if any run finished.
  const std::optional<nlohmann::json>& last_batch() const { return last_batch_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  mutable std::mutex mu_;  // guards known_ and the appends to file_
  std::map<std::string, nlohmann::json> known_;
  std::optional<nlohmann::json> last_batch_;
  void append(const std::string& line);  // with mu_ held
};

}  // namespace cj
