#include "commands.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "build.hpp"
#include "cj/verdict.hpp"
#include "cj_paths.hpp"
#include "hints.hpp"
#include "process.hpp"
#include "progress.hpp"

namespace cj {
namespace {

bool copy_file_to(const std::filesystem::path& from, std::ostream& out) {
  std::ifstream in(from);
  if (!in) return false;
  out << in.rdbuf();
  return true;
}

}  // namespace

int cmd_list(const Catalog& catalog, std::ostream& out) {
  const auto progress = ProgressStore::open_default().all();
  bool first = true;
  for (const auto& c : collections()) {
    bool heading = false;
    for (const auto& p : catalog.problems()) {
      if (p.collection != c.id) continue;
      if (!heading) out << (first ? "" : "\n") << c.title << "\n";
      heading = true;
      first = false;
      std::string done;
      if (auto it = progress.find(p.slug); it != progress.end()) done = describe(it->second);
      out << fmt::format("{:>5}  {:<40} {:<7} {}{}\n", p.number ? std::to_string(p.number) : "",
                         p.slug, p.difficulty, p.title, done.empty() ? "" : "  [" + done + "]");
    }
  }
  return 0;
}

int cmd_show(const ProblemInfo& problem, std::ostream& out) {
  if (!copy_file_to(problem.statement(), out)) {
    std::cerr << "cj: " << problem.statement().string() << " is missing\n";
    return 3;
  }
  for (const auto& m : problem.modes) {
    std::string skipped;
    for (const auto s : m.skip)
      skipped += (skipped.empty() ? "" : ", ") + std::string(mode_name(s));
    out << fmt::format("\nNote: a submission that uses `{}` is judged without {}: {}\n", m.uses,
                       skipped, m.why);
  }
  if (problem.allows_fork)
    out << "\nNote: this problem allows fork() and pipes; every child process must be waited "
           "for before the object is destroyed.\n";
  out << "\n## Stub\n\n```cpp\n";
  copy_file_to(problem.stub(), out);
  out << "```\n";
  if (const auto hints = load_hints(problem.hints()); !hints.empty())
    out << fmt::format(
        "\n## Hints\n\n{} hints, from gentle to almost the answer: `cj watch {} FILE` shows them "
        "one at a time (press h), and so does the problem's page in `cj serve`.\n",
        hints.size(), problem.label());
  if (std::filesystem::exists(problem.dir / "bench.hpp"))
    out << fmt::format(
        "\nWhat each reference solution's hand-off costs on this machine, beside its raw "
        "limits: `cj bench primitives --problem {}`\n",
        problem.label());
  return 0;
}

int cmd_new(const ProblemInfo& problem, const std::string& file, std::ostream& out) {
  if (file.empty()) return copy_file_to(problem.stub(), out) ? 0 : 3;
  if (std::filesystem::exists(file)) {
    std::cerr << "cj: " << file << " exists already; not overwriting it\n";
    return 2;
  }
  std::ofstream to(file);
  if (!to || !copy_file_to(problem.stub(), to)) {
    std::cerr << "cj: cannot write " << file << "\n";
    return 2;
  }
  out << fmt::format(
      "wrote the stub of {} to {}; judge it with: cj judge {} {}\n",
      problem.number ? fmt::format("{} {}", problem.number, problem.title) : problem.title, file,
      problem.slug, file);
  return 0;
}

int cmd_bench(const Catalog& catalog, const BenchOptions& options, std::ostream& out) {
  auto problem = catalog.find("print-in-order");
  const auto reference =
      std::filesystem::path(paths::source_dir) / "solutions/print-in-order/mutex_cv.cpp";
  if (!problem) return 3;
  BuildResult b = build_submission(*problem, reference, reference.string(), Flavour::plain);
  if (!b.ok) {
    std::cerr << "cj bench: cannot build " << reference << ": " << b.reason << "\n";
    return 3;
  }
  // Harness modes, run directly: `fresh` (a thread per actor per trial) is the baseline stress's
  // long-lived workers are measured against, and no mode of the judge.
  auto run = [&](Mode mode, const std::string& strategy) {
    ProcessSpec spec;
    spec.argv = {"--mode",      std::string(mode_name(mode)),
                 "--budget",    fmt::format("{}", options.seconds),
                 "--result-fd", "3",
                 "--seed",      "1"};
    if (!strategy.empty()) spec.argv.insert(spec.argv.end(), {"--strategy", strategy});
    run_binary(spec, b.binary);
    spec.result_pipe = true;
    spec.limits.wall_s = options.seconds + 20;
    ProcessResult p = run_process(spec);
    return nlohmann::json::parse(p.result.empty() ? "{}" : p.result, nullptr, false);
  };
  auto measure = [&](Mode mode, const std::string& strategy = {}) {
    auto j = run(mode, strategy);
    if (!j.is_object() || Verdict::parse(j.value("verdict", "")) != Verdict::accepted)
      return -1.0;  // run failed
    return j.value("trials", 0.0) / std::max(1e-9, j.value("run_s", 1.0));
  };
  const double stress = measure(Mode::stress);
  const double fresh = measure(Mode::fresh);
  const double explore = measure(Mode::explore);
  const double explore_random = measure(Mode::explore, "random");
  // The bounded search: how long it takes to exhaust every case (or how far it got).
  const auto dfs = run(Mode::explore, "dfs");
  const auto dfs_explored =
      dfs.is_object() ? dfs.value("explored", nlohmann::json::object()) : nlohmann::json::object();
  nlohmann::json j = {
      {"problem", "print-in-order"},
      {"solution", "solutions/print-in-order/mutex_cv.cpp"},
      {"stress_trials_per_s", stress},
      {"fresh_threads_trials_per_s", fresh},
      {"ratio", stress / std::max(1e-9, fresh)},
      {"explore_schedules_per_s", explore >= 0 ? nlohmann::json(explore) : nlohmann::json(nullptr)},
      {"explore_random_schedules_per_s",
       explore_random >= 0 ? nlohmann::json(explore_random) : nlohmann::json(nullptr)},
      {"explore_dfs",
       {{"schedules", dfs_explored.value("schedules", 0LL)},
        {"complete", dfs_explored.value("complete", false)},
        {"preemption_bound", dfs_explored.value("preemption_bound", -1)},
        {"run_s", dfs.is_object() ? dfs.value("run_s", 0.0) : 0.0}}}};
  if (options.json) {
    out << j.dump(2) << "\n";
  } else {
    out << fmt::format(
        "print-in-order, {}:\n  stress (long-lived workers): {:>12.0f} trials/s\n"
        "  fresh threads per trial:     {:>12.0f} trials/s\n  ratio: {:.1f}x\n",
        "mutex_cv.cpp", stress, fresh, stress / std::max(1e-9, fresh));
    if (explore >= 0)
      out << fmt::format("  explore (portfolio):         {:>12.0f} schedules/s\n", explore);
    if (explore_random >= 0)
      out << fmt::format("  explore (random walk):       {:>12.0f} schedules/s\n", explore_random);
    const auto& d = j["explore_dfs"];
    out << fmt::format("  explore dfs, bound {}: {} schedules in {:.3f} s, {}\n",
                       d["preemption_bound"].get<int>(), d["schedules"].get<long long>(),
                       d["run_s"].get<double>(),
                       d["complete"].get<bool>() ? "every schedule explored" : "not complete");
  }
  return 0;
}

}  // namespace cj
