// cj: the command line. See GUIDE.md §2 for the contract (exit codes 0 accepted, 1 rejected,
// 2 usage error, 3 internal error).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "bench_primitives.hpp"
#include "bench_verdicts.hpp"
#include "catalog.hpp"
#include "cj/schedule.hpp"
#include "cj_paths.hpp"
#include "commands.hpp"
#include "html_page.hpp"
#include "judge.hpp"
#include "report.hpp"
#include "serve.hpp"
#include "watch.hpp"

namespace {

int usage_error(const std::string& message) {
  std::cerr << "cj: " << message << "\n";
  return 2;
}

/// `--mode NAME` for the judging commands: a name of the judge's modes (cj/mode.hpp), anything
/// else a usage error that lists them.
CLI::Option* add_mode_option(CLI::App* command, cj::Mode& mode) {
  std::string list;
  for (const auto& n : cj::judge_mode_names()) list += (list.empty() ? "" : ", ") + n;
  return command
      ->add_option_function<std::string>(
          "--mode", [&mode](const std::string& name) { mode = *cj::parse_judge_mode(name); },
          "judge mode: " + list)
      ->check(
          [list](const std::string& name) {
            return cj::parse_judge_mode(name)
                       ? std::string()
                       : "unknown mode \"" + name + "\" (known: " + list + ")";
          },
          "MODE");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cj: a judge for C++ concurrency exercises (LeetCode's concurrency set and more)"};
  app.require_subcommand(1);

  auto* list = app.add_subcommand("list", "List the problems");

  std::string problem_key, file;
  auto* show = app.add_subcommand("show", "Print a problem's statement");
  show->add_option("PROBLEM", problem_key, "slug or number")->required();

  auto* make = app.add_subcommand("new", "Write a problem's stub to FILE (or stdout)");
  make->add_option("PROBLEM", problem_key, "slug or number")->required();
  make->add_option("FILE", file, "where to write the stub");

  cj::JudgeRequest req;
  bool json = false;
  std::uint64_t seed = 0;
  double budget = 0;
  auto* judge = app.add_subcommand("judge", "Judge one submission");
  judge->add_option("PROBLEM", problem_key, "slug or number")->required();
  judge->add_option("FILE", file, "the submission")->required();
  judge->add_flag("--json", json, "print one JSON object");
  std::string html_out;
  judge->add_option("--html", html_out,
                    "also write a self-contained page (verdict, timeline, trace, replay)");
  auto* seed_opt = judge->add_option("--seed", seed, "seed for the run (replays a failure)");
  auto* budget_opt = judge->add_option("--budget", budget, "seconds of running, compile excluded")
                         ->check(CLI::Range(0.01, 3600.0));
  add_mode_option(judge, req.mode);
  judge
      ->add_option("--strategy", req.strategy,
                   "explore strategy (random, pct, dfs; NAME@N starts at schedule N)")
      ->check([](const std::string& s) { return cj::strategy_spec_error(s); }, "STRATEGY");
  std::string replay_arg;
  judge->add_option(
      "--replay", replay_arg,
      "explore: replay one schedule (the `schedule` of --json, or a file holding it)");

  cj::GradeOptions grade_options;
  double grade_budget = 0;
  auto* grade = app.add_subcommand("grade", "Judge every submission in files or folders");
  grade->add_option("PROBLEM", problem_key, "slug or number")->required();
  grade->add_option("PATH", grade_options.paths, "files or folders of .cpp files")->required();
  grade->add_flag("--json", grade_options.reports.json, "print one JSON object");
  grade->add_option("--junit", grade_options.reports.junit, "write a JUnit XML report");
  grade->add_option("--gradescope", grade_options.reports.gradescope,
                    "write Gradescope results.json");
  grade->add_option("--html", grade_options.reports.html, "write a self-contained HTML report");
  grade->add_option("--jobs,-j", grade_options.jobs, "submissions judged at once")
      ->check(CLI::Range(1, 64));
  auto* grade_budget_opt = grade->add_option("--budget", grade_budget, "seconds per submission")
                               ->check(CLI::Range(0.01, 3600.0));
  add_mode_option(grade, grade_options.mode);
  grade->add_option("--state", grade_options.state,
                    "file that remembers verdicts, so an interrupted batch resumes");
  grade->add_flag("--fresh", grade_options.fresh, "judge every file again");
  std::uint64_t grade_seed = 0;
  auto* grade_seed_opt =
      grade->add_option("--seed", grade_seed, "one seed for every file (reproducible batches)");
  grade->add_option("--shard", grade_options.shard,
                    "I/N: judge only slice I (0-based) of N; `cj merge` joins the slices");

  std::vector<std::string> merge_states;
  cj::ReportOptions merge_reports;
  auto* merge = app.add_subcommand(
      "merge", "Write one batch's reports from the state files of its shards (grade --shard)");
  merge->add_option("STATE", merge_states, "state files of every shard")->required();
  merge->add_flag("--json", merge_reports.json, "print one JSON object");
  merge->add_option("--junit", merge_reports.junit, "write a JUnit XML report");
  merge->add_option("--gradescope", merge_reports.gradescope, "write Gradescope results.json");
  merge->add_option("--html", merge_reports.html, "write a self-contained HTML report");

  cj::WatchOptions watch_options;
  double interview = 0, watch_budget = 0;
  auto* watch = app.add_subcommand(
      "watch", "Judge FILE on every save (writes the stub if missing); h: next hint, q: quit");
  watch->add_option("PROBLEM", problem_key, "slug or number")->required();
  watch->add_option("FILE", watch_options.file, "your solution")->required();
  auto* interview_opt = watch->add_option("--interview", interview, "count down MINUTES")
                            ->check(CLI::Range(0.1, 600.0));
  auto* watch_budget_opt =
      watch->add_option("--budget", watch_budget, "seconds of running per judgement")
          ->check(CLI::Range(0.01, 3600.0));
  add_mode_option(watch, watch_options.mode);

  cj::ServeOptions serve_options;
  std::string serve_dir = ".";
  double serve_budget = 0;
  auto* serve = app.add_subcommand("serve", "A local practice page on 127.0.0.1");
  serve->add_option("--port", serve_options.port, "port (0: any free one)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--dir", serve_dir, "folder of your solutions (PROBLEM.cpp)");
  auto* serve_budget_opt =
      serve->add_option("--budget", serve_budget, "seconds of running per judgement")
          ->check(CLI::Range(0.01, 3600.0));
  add_mode_option(serve, serve_options.mode);

  cj::BenchOptions bench_options;
  auto* bench = app.add_subcommand("bench", "Measure the judge's own speed");
  bench->add_option("--seconds", bench_options.seconds, "seconds per measurement");
  bench->add_flag("--json", bench_options.json, "print one JSON object");
  cj::PrimitiveBenchOptions primitive_options;
  auto* primitives = bench->add_subcommand(
      "primitives", "Time every reference of the hand-off problems beside the machine's limits");
  primitives->add_option("--problem", primitive_options.problems, "only these problems");
  primitives->add_option("--json", primitive_options.json_file, "write the figures as JSON");
  primitives->add_option("--svg", primitive_options.svg_file, "draw them as an SVG bar chart");
  primitives->add_option("--repetitions", primitive_options.repetitions, "repetitions per timing")
      ->check(CLI::Range(1, 100));
  primitives->add_option("--min-time", primitive_options.min_time_s, "seconds per repetition")
      ->check(CLI::Range(0.01, 10.0));

  cj::VerdictBenchOptions verdict_options;
  auto* verdicts = bench->add_subcommand(
      "verdicts", "Judge every known-buggy file on an empty cache: how long a verdict takes");
  verdicts->add_option("--problem", verdict_options.problems, "only these problems");
  verdicts->add_option("--json", verdict_options.json_file, "write the figures as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  try {
    const cj::Catalog catalog =
        cj::Catalog::load(std::filesystem::path(cj::paths::source_dir) / "problems");
    if (*list) return cj::cmd_list(catalog, std::cout);
    if (*verdicts) return cj::cmd_bench_verdicts(catalog, verdict_options, std::cout);
    if (*primitives) return cj::cmd_bench_primitives(catalog, primitive_options, std::cout);
    if (*bench) return cj::cmd_bench(catalog, bench_options, std::cout);
    if (*serve) {
      if (!std::filesystem::is_directory(serve_dir))
        return usage_error("no such folder: " + serve_dir);
      serve_options.dir = serve_dir;
      if (*serve_budget_opt) serve_options.budget_s = serve_budget;
      return cj::cmd_serve(catalog, serve_options, std::cout);
    }
    if (*merge) return cj::cmd_merge(merge_states, merge_reports, std::cout);

    auto problem = catalog.find(problem_key);
    if (!problem)
      return usage_error("unknown problem '" + problem_key + "'; `cj list` shows the problems");
    if (*show) return cj::cmd_show(*problem, std::cout);
    if (*make) return cj::cmd_new(*problem, file, std::cout);
    if (*watch) {
      if (*interview_opt) watch_options.interview_minutes = interview;
      if (*watch_budget_opt) watch_options.budget_s = watch_budget;
      return cj::cmd_watch(*problem, watch_options, std::cout);
    }
    if (*grade) {
      if (*grade_budget_opt) grade_options.budget_s = grade_budget;
      if (*grade_seed_opt) grade_options.seed = grade_seed;
      return cj::cmd_grade(*problem, grade_options, std::cout);
    }

    req.problem = *problem;
    req.shown_as = file;
    req.submission = file;
    if (!std::filesystem::is_regular_file(file)) return usage_error("no such file: " + file);
    if (!req.strategy.empty() && req.mode != cj::Mode::standard && req.mode != cj::Mode::explore)
      return usage_error("--strategy chooses how explore schedules; the " +
                         std::string(cj::mode_name(req.mode)) + " mode does not explore");
    if (!replay_arg.empty()) {
      // A file holding the schedule, or the schedule itself.
      std::string text = replay_arg;
      if (std::filesystem::is_regular_file(replay_arg)) {
        std::ifstream in(replay_arg, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
      cj::Schedule schedule;
      if (auto why = cj::parse_schedule(text, &schedule); !why.empty())
        return usage_error("--replay: " + why);
      if (req.mode != cj::Mode::standard && req.mode != cj::Mode::explore)
        return usage_error("--replay replays an explore schedule; the " +
                           std::string(cj::mode_name(req.mode)) + " mode does not explore");
      req.mode = cj::Mode::explore;
      req.replay = text;
    }
    if (*seed_opt) req.seed = seed;
    if (*budget_opt) req.budget_s = budget;
    cj::JudgeResult r = cj::judge_submission(req);
    if (!html_out.empty()) {
      std::ofstream page(html_out);
      cj::write_result_page(page, cj::to_json(r));
      if (!page) std::cerr << "cj: cannot write " << html_out << "\n";
    }
    if (json)
      std::cout << cj::to_json(r).dump(2) << std::endl;
    else
      cj::print_human(std::cout, r, isatty(1));
    if (r.verdict == cj::Verdict::accepted) return 0;
    // A mode asked for by name that cannot follow this submission: a usage matter, not a verdict.
    if (r.verdict == cj::Verdict::not_applicable) return 2;
    return r.verdict == cj::Verdict::internal_error ? 3 : 1;
  } catch (const std::exception& e) {
    std::cerr << "cj: internal error: " << e.what() << "\n";
    return 3;
  }
}
