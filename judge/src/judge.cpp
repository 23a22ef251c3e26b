#include "judge.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

#include "build.hpp"
#include "cj_paths.hpp"
#include "process.hpp"
#include "tsan_report.hpp"

namespace cj {
namespace {

using Clock = std::chrono::steady_clock;

/// One step of a judging plan: which executable, which harness mode, what share of the budget.
/// Steps of the same phase run side by side, each for its share of the budget in wall time.
struct Step {
  Mode mode;  // as reported
  Flavour flavour;
  Mode harness_mode;
  double share;
  int phase = 0;
  /// A step whose build is late (ThreadSanitizer's) runs until the phase's other steps are due
  /// to end, but never less than this share.
  double min_share = 0;
};

/// The default plan: explore first, alone (it runs one thread at a time and finds most bugs in
/// milliseconds, exactly), while the ThreadSanitizer build compiles; then stress and the
/// ThreadSanitizer stress run side by side on the two cores. A correct answer so costs one
/// budget of wall time after its compile, and a rejection comes as soon as one mode found it.
std::vector<Step> plan_for(Mode mode) {
  if (mode == Mode::standard)
    return {{Mode::explore, Flavour::plain, Mode::explore, 0.4, 0, 0.4},
            {Mode::stress, Flavour::plain, Mode::stress, 0.6, 1, 0.6},
            {Mode::tsan, Flavour::tsan, Mode::stress, 0.6, 1, 0.3}};
  if (mode == Mode::tsan) return {{Mode::tsan, Flavour::tsan, Mode::stress, 1.0, 0, 1.0}};
  return {{mode, Flavour::plain, mode, 1.0, 0, 1.0}};
}

/// The share of their budget the steps after explore get when explore proved every case's
/// bounded schedule space complete and found nothing: stress and ThreadSanitizer then only look
/// for what explore cannot see (weak-memory effects, races on plain variables), which shows in
/// a fraction of the trials, and a correct answer does not wait for the whole budget.
constexpr double kAfterProofScale = 0.5;

/// A symptom a data race commonly causes: when ThreadSanitizer runs beside the step that saw it,
/// its report of a race in the submission names the cause, and the cause is the verdict.
bool is_race_symptom(Verdict v) {
  return v == Verdict::runtime_error || v == Verdict::wrong_answer;
}

/// The problem's mode notes that apply to this submission: its text uses the note's library.
std::vector<const ModeNote*> notes_applying(const JudgeRequest& req) {
  std::ifstream in(req.submission, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<const ModeNote*> out;
  for (const auto& note : req.problem.modes)
    if (text.find(note.uses) != std::string::npos) out.push_back(&note);
  return out;
}

bool rules_out(const ModeNote& note, Mode mode) {
  return std::find(note.skip.begin(), note.skip.end(), mode) != note.skip.end();
}

/// The default plan without the modes the notes that apply rule out; the remaining steps share
/// the whole budget. Each note that left a mode out becomes a finding, so the report says which
/// modes judged the answer.
std::vector<Step> apply_mode_notes(std::vector<Step> steps,
                                   const std::vector<const ModeNote*>& applying,
                                   std::vector<JudgeFinding>& findings) {
  for (const ModeNote* note : applying) {
    std::vector<Step> kept;
    std::string left_out;
    for (const auto& step : steps) {
      if (!rules_out(*note, step.mode))
        kept.push_back(step);
      else
        left_out += (left_out.empty() ? "" : ", ") + std::string(mode_name(step.mode));
    }
    if (left_out.empty() || kept.empty()) continue;  // a note never leaves nothing to run
    findings.push_back({"mode_skipped", "not judged in " + left_out + " because it uses " +
                                            note->uses + ": " + note->why});
    steps = kept;
  }
  double total = 0;
  for (const auto& step : steps) total += step.share;
  for (auto& step : steps) step.share /= total;
  return steps;
}

std::string replay_command(const JudgeRequest& req, std::uint64_t seed, Mode mode,
                           const std::string& strategy) {
  std::error_code ec;
  const bool here =
      std::filesystem::equivalent(std::filesystem::current_path(ec), paths::source_dir, ec);
  std::string cj = here ? "./cj" : std::string(paths::source_dir) + "/cj";
  std::string cmd = fmt::format("{} judge {} {} --seed {} --mode {}", cj, req.problem.slug,
                                req.shown_as, seed, mode_name(mode));
  if (!strategy.empty() && mode == Mode::explore) cmd += " --strategy " + strategy;
  if (req.budget_s) cmd += fmt::format(" --budget {}", *req.budget_s);
  return cmd;
}

/// What one step's run gave.
struct StepRun {
  JudgeResult r;
  bool cancelled = false;           // stopped because another step of its phase decided
  bool race_in_submission = false;  // ThreadSanitizer saw a data race in the submission's code
};

StepRun run_step(const JudgeRequest& req, const Step& step, const BuildResult& build,
                 std::uint64_t seed, double budget_s, const std::atomic<bool>* cancel) {
  ProcessSpec spec;
  spec.cancel = cancel;
  spec.argv = {"--mode",      std::string(mode_name(step.harness_mode)),
               "--seed",      std::to_string(seed),
               "--budget",    fmt::format("{}", budget_s),
               "--result-fd", "3"};
  if (!req.strategy.empty() && step.harness_mode == Mode::explore) {
    spec.argv.push_back("--strategy");
    spec.argv.push_back(req.strategy);
  }
  if (!req.replay.empty() && step.harness_mode == Mode::explore) {
    spec.argv.push_back("--replay");
    spec.argv.push_back(req.replay);
  }
  spec.result_pipe = true;
  run_binary(spec, build.binary);
  // Explore counts its budget in CPU time (a quarter of its wall time at least), so on a loaded
  // machine it may take up to four times its budget in wall time.
  spec.limits.wall_s = (step.harness_mode == Mode::explore ? 4 * budget_s : budget_s) + 15;
  spec.limits.cpu_s = (budget_s + 15) * 4;
  if (step.flavour == Flavour::tsan) {
    spec.env.push_back(
        "TSAN_OPTIONS=halt_on_error=0 report_signal_unsafe=0 detect_deadlocks=1 "
        "second_deadlock_stack=1 history_size=4 exitcode=0");
  } else {
    spec.limits.memory_bytes = std::size_t(4) << 30;
  }
  ProcessResult p = run_process(spec);
  if (!p.started) {
    JudgeResult r;
    r.reason = "could not start the compiled program: " + p.spawn_error;
    return {std::move(r)};
  }
  if (p.cancelled) return {JudgeResult{}, true};
  JudgeResult r = interpret_run(step.mode, p, spec.limits);
  bool race_in_submission = false;
  if (p.process_limit && req.problem.allows_fork)
    r.reason = fmt::format(
        "the program tried to create more than {} processes and threads; this problem allows a "
        "few worker processes, not one per element, and a child must leave with _exit() (one "
        "that returns from the method goes on running the caller's code and forks again)",
        spec.limits.processes);
  if (step.flavour == Flavour::tsan) {
    bool raced = false;
    for (const auto& t : parse_tsan_reports(p.output, build.compiled_as, req.shown_as)) {
      if (t.kind == "data race" && !t.in_submission && r.verdict != Verdict::accepted) {
        // A race only inside library or harness code, met while the run was already failing
        // (threads torn down at a stall): the run's own verdict is the one to act on.
        r.findings.push_back({"data_race", t.summary});
      } else if (t.kind == "data race" && !raced) {
        raced = true;
        race_in_submission = t.in_submission;
        if (r.verdict != Verdict::accepted)
          r.findings.push_back({r.verdict.str(), "the same run also gave: " + r.reason});
        r.verdict = Verdict::data_race;
        r.reason = t.summary;
        r.diagnostics = t.stacks;
      } else if (t.kind.find("lock-order-inversion") != std::string::npos) {
        r.findings.push_back({"lock_order_inversion",
                              "locks are taken in opposite orders by different threads; it can "
                              "deadlock unless something else prevents it: " +
                                  t.summary});
      } else if (t.kind != "data race") {
        r.findings.push_back({"tsan", t.summary});
      }
    }
  }
  return {std::move(r), false, race_in_submission};
}

}  // namespace

JudgeResult interpret_run(Mode mode, const ProcessResult& p, const Limits& limits) {
  JudgeResult r;
  r.mode = mode_name(mode);
  const std::string& result_line = p.result;
  const std::string& output = p.output;
  nlohmann::json j;
  bool have_result = false;
  if (!result_line.empty()) {
    try {
      j = nlohmann::json::parse(result_line.substr(0, result_line.find('\n')));
      have_result = j.is_object() && j.contains("verdict");
    } catch (const std::exception&) {
    }
  }
  std::string bad_name;  // a verdict on the result line that is none of the contract's
  if (have_result) {
    const std::string name = j.value("verdict", "");
    if (auto v = Verdict::parse(name))
      r.verdict = *v;
    else
      bad_name = name;
    r.reason = j.value("reason", "");
    r.trials = j.value("trials", 0LL);
    r.run_s = j.value("run_s", 0.0);
    r.input = j.value("input", "");
    r.expected = j.value("expected", "");
    r.got = j.value("got", "");
    for (const auto& f : j.value("findings", nlohmann::json::array()))
      r.findings.push_back({f.value("kind", ""), f.value("message", "")});
    for (const auto& t : j.value("trace", nlohmann::json::array())) r.trace.push_back(t);
    r.strategy = j.value("strategy", "");
    r.schedule = j.value("schedule", "");
    if (auto t = j.find("timeline"); t != j.end() && t->is_object()) r.timeline = *t;
    if (auto e = j.find("explored"); e != j.end() && e->is_object())
      r.explored = e->get<Explored>();
    if (!bad_name.empty()) {
      r.verdict = Verdict::internal_error;
      r.reason = "the program reported the unknown verdict \"" + bad_name + "\" (" + r.reason + ")";
    }
    if (r.verdict == Verdict::runtime_error && r.reason.find("bad_alloc") != std::string::npos) {
      r.verdict = Verdict::memory_limit;
      r.reason = "the solution ran out of memory (std::bad_alloc): " + r.reason;
    }
  }
  if (p.process_limit) {
    r.verdict = Verdict::resource_limit;
    r.reason = fmt::format(
        "the program tried to create more than {} processes and threads; a solution uses a "
        "handful of threads and never forks",
        limits.processes);
  } else if (p.memory_limit) {
    r.verdict = Verdict::memory_limit;
    r.reason = "the program used more memory than its limit and was stopped";
  } else if (p.output_limit) {
    r.verdict = Verdict::output_limit;
    r.reason =
        "the program wrote more than 1 MiB to stdout/stderr; a solution prints only "
        "through the callbacks it is given";
  } else if (have_result) {
    // decided above
  } else if (p.wall_timeout || p.cpu_limit) {
    r.verdict = Verdict::time_limit;
    r.reason = p.wall_timeout
                   ? fmt::format("the program did not finish within {:.0f} s and did not respond",
                                 limits.wall_s)
                   : fmt::format("the program used more than {:.0f} s of CPU time", limits.cpu_s);
  } else if (p.signal) {
    r.verdict = p.signal == SIGKILL || p.signal == SIGXCPU ? Verdict::resource_limit
                                                           : Verdict::runtime_error;
    r.reason = "the program crashed with " + describe_signal(p.signal);
  } else {
    r.verdict = Verdict::runtime_error;
    r.reason = fmt::format(
        "the program ended (exit status {}) in the middle of a trial without reporting; a "
        "solution must not end the process",
        p.exit_code);
  }
  // A stall while the memory ran out is the memory's doing (page faults for gigabytes stall
  // every thread, and filling them can take longer than the stall timer): the resource verdict
  // wins over the symptom. A run of a sound answer stays under 60 MiB (ThreadSanitizer's
  // included; 5 MiB without it); one that allocates without end was past 200 MiB when the
  // stall timer fires, even on a loaded machine.
  constexpr long kStallMemoryKb = 128L << 10;
  if ((r.verdict == Verdict::time_limit || r.verdict == Verdict::deadlock ||
       r.verdict == Verdict::livelock) &&
      p.max_rss_kb >= kStallMemoryKb) {
    r.findings.push_back({r.verdict.str(), "the same run also gave: " + r.reason});
    r.verdict = Verdict::memory_limit;
    r.reason = fmt::format(
        "the program stopped making progress while its memory grew to {} MiB; a solution "
        "needs a few MiB (does it allocate without end?)",
        p.max_rss_kb >> 10);
  }
  if (!have_result || r.verdict == Verdict::runtime_error) r.diagnostics = output.substr(0, 4000);
  return r;
}

JudgeResult judge_submission(const JudgeRequest& req) {
  const auto start = Clock::now();
  // A mode asked for by name that cannot follow this submission (explore on CAF or Boost.Fiber)
  // is not run: its verdict would be a crash or a false one. The learner is told why.
  const std::vector<const ModeNote*> applying = notes_applying(req);
  for (const ModeNote* note : applying) {
    if (req.mode != Mode::standard && rules_out(*note, req.mode)) {
      JudgeResult skipped;
      skipped.problem = req.problem.slug;
      skipped.submission = req.shown_as;
      skipped.verdict = Verdict::not_applicable;
      skipped.mode = mode_name(req.mode);
      skipped.reason = fmt::format(
          "not judged in {} mode because it uses {}: {}. Judge it without --mode to run the "
          "modes that apply",
          mode_name(req.mode), note->uses, note->why);
      skipped.findings.push_back({"mode_skipped", skipped.reason});
      skipped.elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
      return skipped;
    }
  }
  std::vector<JudgeFinding> notes;
  const std::vector<Step> steps = req.mode == Mode::standard
                                      ? apply_mode_notes(plan_for(req.mode), applying, notes)
                                      : plan_for(req.mode);
  const double budget = req.budget_s.value_or(req.problem.budget_s);
  const std::uint64_t seed = req.seed.value_or(std::random_device{}() % 1000000000ULL);

  // Build every flavour the plan needs at once (the machine has two cores); a step waits only
  // for its own flavour, so the plain runs overlap the slower ThreadSanitizer build. Builds after
  // the first run at a lower priority, so they never slow the first verdict, and are stopped as
  // soon as a verdict is known without them.
  std::vector<Flavour> flavours;
  for (const auto& s : steps)
    if (std::find(flavours.begin(), flavours.end(), s.flavour) == flavours.end())
      flavours.push_back(s.flavour);
  std::atomic<bool> verdict_known{false};
  std::vector<std::shared_future<BuildResult>> builds;
  for (Flavour f : flavours) {
    BuildOptions options;
    if (f != flavours.front()) {
      options.nice = 5;
      options.cancel = &verdict_known;
    }
    builds.push_back(std::async(std::launch::async, [&req, f, options] {
                       return build_submission(req.problem, req.submission, req.shown_as, f,
                                               options);
                     }).share());
  }
  std::optional<BuildResult> gcc_build;  // the first build again with GCC, when clang failed
  auto build_of = [&](Flavour f) -> const BuildResult& {
    if (f == flavours.front() && gcc_build) return *gcc_build;
    return builds[std::find(flavours.begin(), flavours.end(), f) - flavours.begin()].get();
  };

  JudgeResult result;
  result.problem = req.problem.slug;
  result.submission = req.shown_as;
  result.seed = seed;
  result.findings = notes;
  auto compile_failure = [&](const BuildResult& b) {
    result.verdict = b.internal_error ? Verdict::internal_error : Verdict::compile_error;
    result.mode = mode_name(req.mode);
    result.reason = b.reason;
    result.diagnostics = b.diagnostics;
    result.seed.reset();
    verdict_known = true;
    for (auto& other : builds) other.wait();  // no build outlives the judgement
    result.elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
  };
  // A compile error shows up in the plain build first; report it without running anything.
  // Clang compiles that build, and what it rejects GCC may still compile (Boost.Asio enables its
  // coroutines for clang 14 only through <experimental/coroutine>, which libstdc++ 12 lacks; GCC
  // only warns about narrowing in braces): a correct answer must not get compile_error. GCC's
  // opinion comes first from ThreadSanitizer's build when one is under way; if GCC compiles
  // the file, the plain build is made again with GCC and judged.
  if (const BuildResult& first = build_of(flavours.front()); !first.ok) {
    const auto tsan = std::find(flavours.begin(), flavours.end(), Flavour::tsan);
    if (first.internal_error || first.cancelled || first.diagnostics.empty() ||
        !gcc_may_compile_instead(flavours.front()) ||
        (tsan != flavours.end() && !build_of(Flavour::tsan).ok))
      return compile_failure(first);
    BuildResult again =
        build_submission(req.problem, req.submission, req.shown_as, Flavour::plain_gcc, {});
    if (!again.ok) return compile_failure(first);
    again.compile_s += first.compile_s;
    result.findings.push_back(
        {"compiled_with_gcc",
         fmt::format("clang did not compile this file and GCC did, so GCC's build was judged; "
                     "LeetCode compiles with clang, so fix this before submitting there, unless "
                     "it is something clang 14 lacks (Boost.Asio's coroutines): {}",
                     first.reason)});
    gcc_build = std::move(again);
  }

  std::vector<Mode> modes_run;
  double scale = 1;      // of the later phases' shares: kAfterProofScale once explore proved
  double carried_s = 0;  // budget a step that did not apply left to the next phase
  for (int phase = 0; phase <= steps.back().phase; ++phase) {
    std::vector<const Step*> now;
    for (const auto& step : steps)
      if (step.phase == phase) now.push_back(&step);
    const bool tsan_beside = std::any_of(now.begin(), now.end(),
                                         [](const Step* s) { return s->flavour == Flavour::tsan; });
    const double extra_s = carried_s;
    carried_s = 0;
    // Side by side; the first rejection stops the others, except that a symptom a race causes
    // (a crash, a wrong result) lets ThreadSanitizer's run beside it finish: the cause wins over
    // the symptom.
    std::atomic<bool> phase_decided{false};
    std::vector<std::future<StepRun>> runs;
    const auto phase_start = Clock::now();
    for (const Step* step : now) {
      runs.push_back(std::async(std::launch::async, [&, step] {
        const BuildResult& build = build_of(step->flavour);
        const double waited = std::chrono::duration<double>(Clock::now() - phase_start).count();
        const double step_s =
            std::max(budget * step->min_share * scale, budget * step->share * scale - waited);
        if (!build.ok) {
          StepRun run;
          run.r.verdict = build.internal_error ? Verdict::internal_error : Verdict::compile_error;
          run.r.reason = build.reason;
          run.r.diagnostics = build.diagnostics;
          if (!build.internal_error && step->flavour != flavours.front()) {
            // The first build compiled it and this one, with another compiler, did not (clang
            // accepts some code GCC rejects, and clang is LeetCode's compiler): this mode
            // cannot run, the others judge.
            run.r.verdict = Verdict::not_applicable;
            run.r.reason = fmt::format(
                "{} mode was skipped: the file compiles with {} but not with {}, which {} mode "
                "builds with: {}",
                mode_name(step->mode), flavour_compiler(flavours.front()),
                flavour_compiler(step->flavour), mode_name(step->mode), build.reason);
          }
          return run;
        }
        StepRun run = run_step(req, *step, build, seed, step_s + extra_s, &phase_decided);
        const Verdict v = run.r.verdict;
        const bool waits_for_tsan =
            tsan_beside && step->flavour != Flavour::tsan && is_race_symptom(v);
        if (!run.cancelled && v != Verdict::accepted && v != Verdict::not_applicable &&
            !waits_for_tsan)
          phase_decided = true;
        return run;
      }));
    }
    const JudgeResult* decided = nullptr;
    const Step* decided_step = nullptr;
    std::vector<StepRun> results;
    for (auto& run : runs) results.push_back(run.get());
    const JudgeResult* symptom = nullptr;  // the other step's crash or wrong result a race caused
    for (std::size_t i = 0; i < now.size(); ++i) {
      JudgeResult& r = results[i].r;
      const Step& step = *now[i];
      result.compile_s = std::max(result.compile_s, build_of(step.flavour).compile_s);
      if (results[i].cancelled) continue;
      // A mode that does not apply to this problem (explore on parallel-map): the default plan
      // goes on without it; asked for by name, it is the verdict (exit status 2), with the
      // harness's sentence saying why, as for a mode a problem's note rules out.
      if (r.verdict == Verdict::not_applicable && req.mode == Mode::standard) {
        if (!build_of(step.flavour).ok) result.findings.push_back({"not_compiled", r.reason});
        carried_s += budget * step.share;
        continue;
      }
      modes_run.push_back(step.mode);
      result.trials += r.trials;
      result.run_s += r.run_s;
      result.findings.insert(result.findings.end(), r.findings.begin(), r.findings.end());
      if (r.explored) result.explored = r.explored;
      if (r.verdict == Verdict::accepted) continue;
      const bool cause_of_symptom =
          decided && r.verdict == Verdict::data_race && results[i].race_in_submission &&
          is_race_symptom(decided->verdict) && decided_step->flavour != Flavour::tsan;
      if (cause_of_symptom) symptom = decided;
      if (!decided || cause_of_symptom ||
          (r.verdict.is_resource() && !decided->verdict.is_resource())) {
        decided = &r;
        decided_step = &step;
      }
    }
    if (decided && decided->verdict == Verdict::compile_error)
      return compile_failure(build_of(decided_step->flavour));
    if (decided) {
      const JudgeResult& r = *decided;
      if (symptom)
        result.findings.push_back(
            {symptom->verdict.str(),
             fmt::format("in {} mode, the race showed as: {}", symptom->mode, symptom->reason)});
      result.verdict = r.verdict;
      result.reason = r.reason;
      result.mode = mode_name(decided_step->mode);
      result.input = r.input;
      result.expected = r.expected;
      result.got = r.got;
      result.trace = r.trace;
      result.timeline = r.timeline;
      result.schedule = r.schedule;
      result.diagnostics = r.diagnostics;
      if (r.verdict != Verdict::not_applicable)
        result.replay = replay_command(req, seed, decided_step->mode,
                                       r.strategy.empty() ? req.strategy : r.strategy);
      break;
    }
    if (!modes_run.empty()) result.verdict = Verdict::accepted;
    if (result.explored && result.explored->complete) scale = kAfterProofScale;
  }
  verdict_known = true;  // a build still running is not needed any more
  for (auto& b : builds) b.wait();
  if (result.verdict == Verdict::accepted) {
    std::string joined;
    for (const auto m : modes_run)
      joined += (joined.empty() ? "" : "+") + std::string(mode_name(m));
    result.mode = joined;
    result.reason =
        fmt::format("every one of {} trials gave a correct result ({})", result.trials, joined);
    const std::string in_all = modes_run.size() > 1
                                   ? fmt::format(" ({} trials in all: {})", result.trials, joined)
                                   : std::string();
    if (const auto& e = result.explored; e && e->complete) {
      result.reason = fmt::format(
          "every schedule of the {} cases up to {} preemptions explored ({} schedules), none "
          "fails{}",
          e->cases, e->preemption_bound, e->schedules, in_all);
    } else if (e && e->cases_sampled > 0 && e->searched_cases_complete()) {
      // Small scope: what was proven is the small cases; the larger ones were only sampled.
      const int small = e->cases - e->cases_sampled;
      result.reason = fmt::format(
          "every schedule of the {} small case{} up to {} preemptions explored, none fails; "
          "the {} larger case{} {} ({} schedules in all){}",
          small, small == 1 ? "" : "s", e->preemption_bound, e->cases_sampled,
          e->cases_sampled == 1 ? "" : "s",
          e->sampled_schedules > 0
              ? fmt::format("sampled ({} schedules), not exhausted", e->sampled_schedules)
              : std::string("not explored (the bounded search covers small cases only)"),
          e->schedules, in_all);
    } else if (e) {
      result.reason += fmt::format(
          "; explore sampled {} schedules (bounded search complete for {} of {} cases{})",
          e->schedules, e->cases_complete, e->cases - e->cases_sampled,
          e->cases_sampled > 0 ? fmt::format(", {} larger ones sampled only", e->cases_sampled)
                               : std::string());
    }
  }
  result.elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace cj
