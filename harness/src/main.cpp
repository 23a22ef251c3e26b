// main() of every judged executable: runs the registered problem in the mode the judge asks for
// and reports one outcome. The judge treats anything else (a signal, a silent exit, a hang) as
// the submission's doing.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "cj/schedule.hpp"
#include "result_writer.hpp"
#include "runner.hpp"

namespace {

cj::RunOptions options;
auto run_start = std::chrono::steady_clock::now();

double seconds_since_start() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
}

[[noreturn]] void report_and_exit(cj::Verdict verdict, const std::string& reason) {
  cj::Outcome o;
  o.verdict = verdict;
  o.reason = reason;
  cj::write_outcome(o, options, seconds_since_start());
  _exit(1);
}

void on_exit_mid_run() {
  report_and_exit("runtime_error",
                  "the program called exit() while the solution's threads were running; a "
                  "solution must return from its methods instead");
}

void on_terminate() {
  std::string what = "std::terminate was called";
  if (auto e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      what = std::string("an uncaught exception ended the program: ") + ex.what();
    } catch (...) {
      what = "an uncaught exception that is not a std::exception ended the program";
    }
  } else {
    what +=
        " (a std::thread destroyed while still joinable, or an exception thrown where none "
        "may escape)";
  }
  report_and_exit("runtime_error", what);
}

int usage(const char* argv0, const std::string& why = "") {
  if (!why.empty()) std::cerr << argv0 << ": " << why << "\n";
  std::cerr << "usage: " << argv0
            << " [--mode MODE] [--seed N] [--budget SECONDS] [--stall SECONDS]"
               " [--strategy NAME] [--replay SCHEDULE] [--result-fd FD]\nmodes:";
  for (const auto& m : cj::runner_modes()) std::cerr << " " << cj::mode_name(m);
  std::cerr << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) std::exit(usage(argv[0]));
      return argv[++i];
    };
    if (a == "--mode") {
      const std::string name = value();
      const auto mode = cj::parse_harness_mode(name);
      if (!mode) return usage(argv[0], "unknown mode \"" + name + "\"");
      options.mode = *mode;
    } else if (a == "--strategy") {
      options.strategy = value();
      if (auto why = cj::strategy_spec_error(options.strategy); !why.empty())
        return usage(argv[0], why);
    } else if (a == "--replay") {
      options.replay = value();
      cj::Schedule schedule;
      if (auto why = cj::parse_schedule(options.replay, &schedule); !why.empty())
        return usage(argv[0], why);
    } else if (a == "--seed")
      options.seed = std::stoull(value());
    else if (a == "--budget")
      options.budget_s = std::stod(value());
    else if (a == "--stall")
      options.stall_s = std::stod(value());
    else if (a == "--result-fd")
      cj::set_result_fd(std::stoi(value()));
    else
      return usage(argv[0]);
  }
  const cj::Problem* problem = cj::registered_problem();
  if (!problem) report_and_exit("internal_error", "no problem was registered in this executable");
  cj::Runner runner = cj::find_runner(options.mode);
  if (!runner)
    report_and_exit("internal_error",
                    "this executable has no mode " + std::string(cj::mode_name(options.mode)));

  std::set_terminate(on_terminate);
  std::atexit(on_exit_mid_run);
  run_start = std::chrono::steady_clock::now();
  cj::Outcome outcome = runner(*problem, options);
  cj::write_outcome(outcome, options, seconds_since_start());
  std::cout.flush();
  std::fflush(nullptr);
  // Threads a wrong solution left stuck cannot be joined; end without running destructors.
  _exit(0);
}
