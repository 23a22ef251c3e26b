#include "build.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cj_paths.hpp"
#include "process.hpp"

namespace cj {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint64_t fnv1a(const std::string& data, std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::string stamp(const std::filesystem::path& p) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(p, ec);
  return ec ? "?" : std::to_string(t.time_since_epoch().count());
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

/// Private build folders left by a judge that was killed mid-compile; an hour is far longer
/// than any compile may take.
void remove_stale_builds() {
  std::error_code ec;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& e : std::filesystem::directory_iterator(cache_root(), ec)) {
    if (e.path().filename().string().rfind(".build-", 0) != 0) continue;
    auto age = now - std::filesystem::last_write_time(e.path(), ec);
    if (!ec && age > std::chrono::hours(1)) std::filesystem::remove_all(e.path(), ec);
  }
}

}  // namespace

const char* flavour_name(Flavour f) { return f == Flavour::tsan ? "tsan" : "plain"; }

std::filesystem::path cache_root() {
  if (const char* dir = getenv("CJ_CACHE_DIR")) return dir;
  return std::filesystem::path(paths::binary_dir) / "submissions";
}

std::string trim_diagnostics(const std::string& output, const std::string& submission_abs,
                             const std::string& shown_as, const std::string& driver_abs,
                             std::string* first_error, bool* first_error_in_driver) {
  std::istringstream in(output);
  std::string line, kept;
  int errors = 0, lines = 0;
  bool started = false;
  while (std::getline(in, line)) {
    if (line.rfind("In file included from", 0) == 0 || line.find("                 from ") == 0)
      continue;
    if (line.find("compilation terminated") != std::string::npos) continue;
    const bool is_error = line.find("error:") != std::string::npos;
    if (is_error) {
      ++errors;
      if (errors > 3) break;
      if (!started && first_error) {
        *first_error = line;
        if (first_error_in_driver)
          *first_error_in_driver = line.find(driver_abs) != std::string::npos;
      }
      started = true;
    }
    if (!started) continue;
    if (++lines > 40) break;
    kept += line + "\n";
  }
  if (!started) kept = output.substr(0, 4000);
  for (std::string* s : {&kept, first_error}) {
    if (!s) continue;
    replace_all(*s, submission_abs, shown_as);
    replace_all(*s, driver_abs, "the problem's driver");
  }
  return kept;
}

BuildResult build_submission(const ProblemInfo& problem, const std::filesystem::path& submission,
                             const std::string& shown_as, Flavour flavour) {
  BuildResult r;
  const auto submission_abs = std::filesystem::absolute(submission).lexically_normal();
  const auto driver_abs = std::filesystem::absolute(problem.driver()).lexically_normal();
  const bool tsan = flavour == Flavour::tsan;
  const std::string harness = tsan ? paths::harness_tsan : paths::harness_plain;
  const std::string pch = tsan ? paths::pch_tsan : paths::pch_plain;

  std::string key_material = read_file(submission_abs) + '\0' + read_file(driver_abs) + '\0' +
                             read_file(problem.dir / "before.hpp") + '\0' + stamp(harness) +
                             stamp(pch + "/cj/prelude.hpp.gch") + problem.slug +
                             flavour_name(flavour);
  for (const auto& lib : problem.link) key_material += "-l" + lib;
  for (const char* f : paths::submission_flags) key_material += f;
  const auto dir = cache_root() / fmt::format("{}-{:016x}-{}", problem.slug, fnv1a(key_material),
                                              flavour_name(flavour));
  r.binary = dir / "submission";
  if (std::filesystem::exists(r.binary)) {
    r.ok = r.cached = true;
    return r;
  }

  std::error_code ec;
  std::filesystem::create_directories(cache_root(), ec);
  // Build in a private folder and rename it into place: concurrent judges never see half a build.
  remove_stale_builds();
  static std::atomic<unsigned> builds_started{0};
  const auto work = cache_root() / fmt::format(".build-{}-{}-{:x}", getpid(), builds_started++,
                                               fnv1a(dir.string()));
  std::filesystem::remove_all(work, ec);
  std::filesystem::create_directories(work, ec);
  {
    std::ofstream main(work / "main.cpp");
    // A problem may declare types the learner's class uses (LeetCode's HtmlParser) first.
    const auto before = std::filesystem::absolute(problem.dir / "before.hpp").lexically_normal();
    if (std::filesystem::exists(before)) main << "#include \"" << before.string() << "\"\n";
    main << "#include \"" << submission_abs.string() << "\"\n"
         << "#include \"" << driver_abs.string() << "\"\n";
  }
  ProcessSpec spec;
  spec.argv = {paths::compiler};
  for (const char* f : paths::submission_flags) spec.argv.push_back(f);
  if (tsan) spec.argv.push_back("-fsanitize=thread");
  const std::vector<std::string> rest = {"-Winvalid-pch",
                                         "-fdiagnostics-color=never",
                                         "-I",
                                         pch,
                                         "-include",
                                         "cj/prelude.hpp",
                                         "-I",
                                         paths::harness_include,
                                         "-o",
                                         work / "submission",
                                         work / "main.cpp",
                                         "-Wl,--whole-archive",
                                         harness,
                                         "-Wl,--no-whole-archive",
                                         "-lboost_thread",
                                         "-lboost_chrono",
                                         "-ldl"};
  spec.argv.insert(spec.argv.end(), rest.begin(), rest.end());
  for (const auto& lib : problem.link) spec.argv.push_back("-l" + lib);
  spec.cwd = work;
  // The compiler's own CPU time decides: on a loaded machine a plain compile can take minutes of
  // wall time, and that must never turn a correct answer into a compile error.
  spec.limits.cpu_s = 120;
  spec.limits.wall_s = 900;
  spec.limits.memory_bytes = std::size_t(4) << 30;
  spec.limits.output_bytes = 256 << 10;
  spec.limits.file_bytes = std::size_t(1) << 30;
  ProcessResult p = run_process(spec);
  r.compile_s = p.wall_s;
  if (!p.started) {
    r.internal_error = true;
    r.reason = "could not start the compiler: " + p.spawn_error;
    return r;
  }
  if (p.exit_code != 0) {
    std::filesystem::remove_all(work, ec);
    if (p.cpu_limit || p.wall_timeout) {
      r.reason =
          "compiling took more than 120 s of CPU time (a template or include that never "
          "ends?)";
    } else if (p.signal) {
      r.reason = "the compiler was stopped by " + describe_signal(p.signal) +
                 " (more than 4 GiB of memory while compiling?)";
    } else {
      std::string first;
      bool in_driver = false;
      r.diagnostics = trim_diagnostics(p.output, submission_abs.string(), shown_as,
                                       driver_abs.string(), &first, &in_driver);
      if (first.empty() && (p.memory_limit || p.output.find("out of memory") != std::string::npos ||
                            p.output.find("memory exhausted") != std::string::npos))
        first = "the compiler ran out of memory compiling this file";
      if (first.empty()) first = "the compiler failed without an error message";
      r.reason = in_driver ? fmt::format(
                                 "your code does not match LeetCode's interface for "
                                 "this problem (class {} and the stub's methods): {}",
                                 problem.class_name, first)
                           : first;
    }
    return r;
  }
  std::filesystem::rename(work, dir, ec);
  if (ec) {  // another judge finished the same build first: use theirs
    std::filesystem::remove_all(work, ec);
  }
  r.ok = std::filesystem::exists(r.binary);
  if (!r.ok) {
    r.internal_error = true;
    r.reason = "the compiled program vanished from the cache at " + dir.string();
  }
  return r;
}

}  // namespace cj
