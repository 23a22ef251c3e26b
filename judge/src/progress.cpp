#include "progress.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace cj {
namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return json::object();
  json j = json::parse(in, nullptr, false);
  return j.is_object() ? j : json::object();
}

ProblemProgress from_json(const json& j) {
  ProblemProgress p;
  p.solved = j.value("solved", false);
  p.attempts = j.value("attempts", 0);
  if (auto it = j.find("best_s"); it != j.end() && it->is_number()) p.best_s = it->get<double>();
  return p;
}

}  // namespace

ProgressStore ProgressStore::open_default() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::filesystem::path(home) / ".local/share";
  else
    base = "/tmp";
  return ProgressStore(base / "cj" / "progress.json");
}

std::map<std::string, ProblemProgress> ProgressStore::all() const {
  std::map<std::string, ProblemProgress> out;
  const json stored = read_json(file_);
  for (auto it = stored.begin(); it != stored.end(); ++it) out[it.key()] = from_json(*it);
  return out;
}

ProblemProgress ProgressStore::of(const std::string& slug) const {
  const json j = read_json(file_);
  auto it = j.find(slug);
  return it == j.end() ? ProblemProgress{} : from_json(*it);
}

void ProgressStore::record(const std::string& slug, bool accepted,
                           std::optional<double> session_s) {
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  // One writer at a time (a watch and a page may both record): a lock file beside the store.
  const std::string lock_path = file_.string() + ".lock";
  const int fd = ::open(lock_path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (fd >= 0) ::flock(fd, LOCK_EX);
  json j = read_json(file_);
  json& p = j[slug];
  if (!p.is_object()) p = json::object();
  p["attempts"] = p.value("attempts", 0) + 1;
  p["solved"] = p.value("solved", false) || accepted;
  if (accepted && session_s) {
    auto best = p.find("best_s");
    if (best == p.end() || !best->is_number() || best->get<double>() > *session_s)
      p["best_s"] = *session_s;
  }
  const auto tmp = file_.string() + ".tmp";
  {
    std::ofstream out(tmp);
    out << j.dump(2) << "\n";
  }
  std::filesystem::rename(tmp, file_, ec);
  if (fd >= 0) ::close(fd);
}

std::string describe(const ProblemProgress& p) {
  if (p.attempts == 0 && !p.solved) return "";
  std::string s = p.solved ? "solved, " : "";
  s += fmt::format("{} attempt{}", p.attempts, p.attempts == 1 ? "" : "s");
  if (p.best_s) {
    const int total = static_cast<int>(*p.best_s + 0.5);
    s += fmt::format(", best {}:{:02}", total / 60, total % 60);
  }
  return s;
}

}  // namespace cj
