// What a learner has done so far, per problem: solved or not, attempts, the best time from
// starting a session (cj watch, cj serve) to an accepted verdict. Kept in
// $XDG_DATA_HOME/cj/progress.json (default ~/.local/share/cj/progress.json).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace cj {

struct ProblemProgress {
  bool solved = false;
  int attempts = 0;
  std::optional<double> best_s;  // seconds from the session's start to its first accept
};

class ProgressStore {
 public:
  /// The store at $XDG_DATA_HOME/cj (or ~/.local/share/cj); nothing is written until record().
  static ProgressStore open_default();
  explicit ProgressStore(std::filesystem::path file) : file_(std::move(file)) {}

  /// Everything recorded so far (re-read from the file on every call: other sessions write too).
  std::map<std::string, ProblemProgress> all() const;
  ProblemProgress of(const std::string& slug) const;
  /// One judged attempt; `session_s` is the time since the session started, for an accept.
  void record(const std::string& slug, bool accepted, std::optional<double> session_s);

  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

/// "solved, 3 attempts, best 4:12" / "2 attempts" / "" for a problem never tried.
std::string describe(const ProblemProgress& p);

}  // namespace cj
