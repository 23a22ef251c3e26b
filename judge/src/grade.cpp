// cj grade: judge a batch of files, in parallel, remembering every verdict as soon as it is
// decided, then print a table and write the reports.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "build.hpp"
#include "commands.hpp"
#include "grade_reports.hpp"
#include "grade_state.hpp"
#include "judge.hpp"
#include "report.hpp"
#include "sandbox.hpp"
#include "shard.hpp"

namespace cj {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool is_cpp(const fs::path& p) {
  static const std::set<std::string> ext = {".cpp", ".cc", ".cxx", ".c++", ".C", ".hpp", ".h"};
  return ext.count(p.extension().string()) > 0;
}

/// Every file named on the command line, and every visible regular file in a named folder
/// (a non-C++ file there is a submission too: it gets a verdict, not silence).
bool collect(const std::vector<std::string>& paths, std::vector<fs::path>& files,
             std::string& error) {
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> here;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.' || !e.is_regular_file(ec)) continue;
        here.push_back(e.path());
      }
      if (here.empty()) {
        error = "no submissions in folder " + p + " (it holds no files)";
        return false;
      }
      std::sort(here.begin(), here.end());
      files.insert(files.end(), here.begin(), here.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      error = "no such file or folder: " + p;
      return false;
    }
  }
  if (files.empty()) {
    error = "no submissions to grade";
    return false;
  }
  return true;
}

JudgeResult not_cpp(const ProblemInfo& problem, const fs::path& file, Mode mode) {
  JudgeResult r;
  r.problem = problem.slug;
  r.submission = file.string();
  r.mode = mode_name(mode);
  r.verdict = Verdict::compile_error;
  const std::string ext = file.extension().string();
  r.reason = fmt::format("this is not a C++ source file ({}); hand in the class {} in a .cpp file",
                         ext.empty() ? "no extension" : "a " + ext + " file", problem.class_name);
  return r;
}

/// A one-line progress bar on a terminal, redrawn in place.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}
  void update(std::size_t done, std::size_t rejected, const std::string& last) {
    if (!enabled_) return;
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::string name = last.size() > 40 ? "..." + last.substr(last.size() - 37) : last;
    std::cerr << fmt::format("\r\033[K[{}{}] {}/{}  rejected {}  {}", std::string(filled, '#'),
                             std::string(width - filled, '.'), done, total_, rejected, name)
              << std::flush;
  }
  void clear() {
    if (enabled_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::size_t total_;
  bool enabled_;
};

fs::path default_state_file() { return cache_root() / "grade-state.jsonl"; }

}  // namespace

int cmd_grade(const ProblemInfo& problem, const GradeOptions& options, std::ostream& out) {
  const auto start = Clock::now();
  std::vector<fs::path> files;
  std::string error;
  if (!collect(options.paths, files, error)) {
    std::cerr << "cj: " << error << "\n";
    return 2;
  }
  Shard shard;
  std::string shard_label;
  if (!options.shard.empty()) {
    auto parsed = parse_shard(options.shard);
    if (!parsed) {
      std::cerr << "cj: --shard wants I/N with 0 <= I < N (e.g. 0/4), not '" << options.shard
                << "'\n";
      return 2;
    }
    shard = *parsed;
    shard_label = fmt::format("{}/{}", shard.index, shard.count);
  }
  const std::size_t total_files = files.size();
  std::vector<std::size_t> global_index;
  {
    std::vector<fs::path> mine;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!in_shard(files[i].string(), shard)) continue;
      mine.push_back(files[i]);
      global_index.push_back(i);
    }
    files.swap(mine);
  }
  GradeState state(
      !options.state.empty() ? fs::path(options.state)
      : shard.count > 1
          ? cache_root() / fmt::format("grade-state-shard-{}-of-{}.jsonl", shard.index, shard.count)
          : default_state_file());
  std::vector<std::string> keys(files.size());

  // Jobs are handed out in order; each result is stored at its file's index.
  std::vector<nlohmann::json> results(files.size());
  std::atomic<std::size_t> next{0};
  std::mutex mu;  // guards done, rejected, reused and the terminal
  std::size_t done = 0, rejected = 0, reused = 0;
  // Two files with the same content share a build folder: never build them at the same time.
  std::mutex content_mu;  // guards busy_content
  std::condition_variable content_cv;
  std::set<std::string> busy_content;
  const bool tty = isatty(2);
  Progress progress(files.size(), tty);
  progress.update(0, 0, "");

  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const fs::path& file = files[i];
      const std::string key = grade_key(file, problem.slug, std::string(mode_name(options.mode)),
                                        options.budget_s, options.seed);
      keys[i] = key;
      std::optional<nlohmann::json> j = options.fresh ? std::nullopt : state.find(key);
      const bool from_state = j.has_value();
      if (j) {
        (*j)["submission"] = file.string();
      } else {
        JudgeResult r;
        if (!is_cpp(file)) {
          r = not_cpp(problem, file, options.mode);
        } else {
          const std::string content = key.substr(key.find('|') + 1, 16);
          {
            std::unique_lock<std::mutex> lock(content_mu);
            content_cv.wait(lock, [&] { return !busy_content.count(content); });
            busy_content.insert(content);
          }
          JudgeRequest req;
          req.problem = problem;
          req.submission = file;
          req.shown_as = file.string();
          req.budget_s = options.budget_s;
          req.mode = options.mode;
          req.seed = options.seed;
          try {
            r = judge_submission(req);
          } catch (const std::exception& e) {
            r.problem = problem.slug;
            r.submission = file.string();
            r.mode = mode_name(options.mode);
            r.reason = std::string("the judge failed on this file: ") + e.what();
          }
          {
            std::lock_guard<std::mutex> lock(content_mu);
            busy_content.erase(content);
          }
          content_cv.notify_all();
        }
        j = to_json(r);
        // An internal error is the judge's fault: judge the file again next time.
        if (r.verdict != Verdict::internal_error) state.record(key, *j);
      }
      results[i] = *j;
      std::lock_guard<std::mutex> lock(mu);
      ++done;
      reused += from_state;
      if (verdict_in(*j) != Verdict::accepted) ++rejected;
      if (!options.reports.json) {
        progress.clear();
        out << fmt::format("{:<16} {}{}\n", (*j)["verdict"].get<std::string>(), file.string(),
                           from_state ? "  (recorded earlier)" : "")
            << std::flush;
      }
      progress.update(done, rejected, file.string());
    }
  };
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(files.size())));
  std::vector<std::thread> pool;
  for (int t = 0; t < jobs; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  progress.clear();

  GradeBatch batch;
  batch.problem = problem.slug;
  batch.mode = mode_name(options.mode);
  for (auto& r : results) batch.results.push_back(std::move(r));
  batch.elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
  batch.recorded_earlier = reused;
  batch.sandbox = sandbox::describe(sandbox::support(), sandbox::support().namespaces);

  batch.shard = shard_label;
  nlohmann::json covered = nlohmann::json::array();
  for (std::size_t i = 0; i < files.size(); ++i)
    covered.push_back({{"index", global_index[i]}, {"key", keys[i]}});
  state.record_batch(
      {{"problem", problem.slug},
       {"mode", mode_name(options.mode)},
       {"budget_s", options.budget_s ? nlohmann::json(*options.budget_s) : nlohmann::json(nullptr)},
       {"shard", {{"index", shard.index}, {"count", shard.count}}},
       {"total_files", total_files},
       {"files", covered},
       {"elapsed_s", batch.elapsed_s},
       {"recorded_earlier", reused},
       {"sandbox", batch.sandbox}});
  const int status = finish_batch(batch, options.reports, out);
  if (reused && !options.reports.json)
    out << fmt::format("{} verdicts were recorded earlier in {} (--fresh judges all again)\n",
                       reused, state.file().string());
  return status;
}

}  // namespace cj
