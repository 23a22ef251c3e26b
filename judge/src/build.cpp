#include "build.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <vector>

#include "cj_paths.hpp"
#include "process.hpp"
#include "sandbox.hpp"

namespace cj {
namespace {

namespace fs = std::filesystem;

/// CPU seconds a compile may take; a sound submission needs one or two.
constexpr double kCompileCpuS = 120;

/// What each flavour compiles with, adds to the submission flags, and the harness library it
/// links.
struct FlavourBuild {
  Flavour flavour;
  const char* name;
  const char* compiler;
  std::vector<std::string> flags;
  const char* library;   // file name in BuildSources::harness_build
  const char* problems;  // the problems' compiled checks (problems/*/checks.cpp), same folder
};

bool is_clang(const char* compiler) {
  return std::string_view(compiler).find("clang") != std::string_view::npos;
}

/// What the plain compiler adds: with clang, ThreadSanitizer's instrumentation for the explorer
/// (harness/CMakeLists.txt, CJ_PLAIN_TSAN_FLAGS).
std::vector<std::string> plain_flags() {
  std::vector<std::string> out;
  for (const char* f : paths::plain_flags)
    if (*f) out.emplace_back(f);
  return out;
}

const std::vector<FlavourBuild>& flavour_table() {
  static const std::vector<FlavourBuild> table = {
      {Flavour::plain, "plain", paths::plain_compiler, plain_flags(), "libcj_harness_plain.a",
       "libcj_problems_plain.a"},
      {Flavour::plain_gcc,
       "plain-gcc",
       paths::compiler,
       {},
       "libcj_harness_plain.a",
       "libcj_problems_plain.a"},
      {Flavour::tsan,
       "tsan",
       paths::compiler,
       {"-fsanitize=thread"},
       "libcj_harness_tsan.a",
       "libcj_problems_tsan.a"},
  };
  return table;
}

/// The flags that load the precompiled prelude in `pch_dir` (a path as the compiler sees it):
/// GCC finds cj/prelude.hpp.gch beside the header it is told to include; clang is given its PCH.
std::vector<std::string> prelude_flags(const char* compiler, const std::string& pch_dir) {
  if (is_clang(compiler)) return {"-include-pch", pch_dir + "/cj/prelude.hpp.pch"};
  return {"-Winvalid-pch", "-I", pch_dir, "-include", "cj/prelude.hpp"};
}

const FlavourBuild& flavour_build(Flavour f) {
  for (const auto& b : flavour_table())
    if (b.flavour == f) return b;
  return flavour_table().front();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint64_t fnv1a(const std::string& data, std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
  return h;
}

/// Every regular file under dir (sorted, so the order is stable), name and contents.
std::string tree_contents(const fs::path& dir, bool skip_markdown) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (skip_markdown && it->path().extension() == ".md") continue;
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files)
    all += f.lexically_relative(dir).string() + '\0' + read_file(f) + '\0';
  return all;
}

/// The compiler binary as installed (a package upgrade changes it).
std::string compiler_identity(const char* compiler) {
  std::error_code ec;
  const auto real = fs::canonical(compiler, ec);
  struct stat st {};
  stat(real.c_str(), &st);
  return fmt::format("{} {} {} {}", paths::compiler_version, real.string(), st.st_size,
                     st.st_mtim.tv_sec);
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
  const auto now = fs::file_time_type::clock::now();
  for (const auto& e : fs::directory_iterator(cache_root(), ec)) {
    if (e.path().filename().string().rfind(".build-", 0) != 0) continue;
    auto age = now - fs::last_write_time(e.path(), ec);
    if (!ec && age > std::chrono::hours(1)) fs::remove_all(e.path(), ec);
  }
}

/// Can a user who is neither owner nor group member read p (every folder above it entered)?
bool open_to_others(const fs::path& p) {
  struct stat st {};
  if (stat(p.c_str(), &st) != 0 || !(st.st_mode & S_IROTH)) return false;
  for (fs::path d = p.parent_path(); !d.empty(); d = d.parent_path()) {
    if (stat(d.c_str(), &st) != 0 || !(st.st_mode & S_IXOTH)) return false;
    if (d == d.root_path()) break;
  }
  return true;
}

/// Where the compiler finds each input: fixed paths in its sandbox when binds work, the host
/// paths otherwise.
struct CompileView {
  std::string work, harness_include, problem, harness_build;
  std::vector<Bind> binds;
};

CompileView compile_view(const fs::path& work, const ProblemInfo& problem,
                         const BuildSources& sources) {
  CompileView v;
  const auto problem_dir = fs::absolute(problem.dir).lexically_normal();
  if (!binds_supported()) {
    v.work = work.string();
    v.harness_include = sources.harness_include.string();
    v.problem = problem_dir.string();
    v.harness_build = sources.harness_build.string();
    return v;
  }
  const std::string root = kSandboxView;
  v.work = root + "/work";
  v.harness_include = root + "/harness";
  v.problem = root + "/problem";
  v.harness_build = root + "/lib";
  v.binds = {{work, v.work, true},
             {sources.harness_include, v.harness_include, false},
             {problem_dir, v.problem, false},
             {sources.harness_build, v.harness_build, false}};
  return v;
}

}  // namespace

BuildSources BuildSources::installed() {
  return {paths::harness_include, fs::path(paths::source_dir) / "harness" / "src",
          paths::harness_build};
}

const char* flavour_name(Flavour f) { return flavour_build(f).name; }

const char* flavour_compiler(Flavour f) {
  return is_clang(flavour_build(f).compiler) ? "clang" : "GCC";
}

bool gcc_may_compile_instead(Flavour f) {
  return f == Flavour::plain && is_clang(flavour_build(f).compiler);
}

void run_binary(ProcessSpec& spec, const fs::path& binary) {
  std::string folder = binary.parent_path().string();
  if (binds_supported()) {
    folder = std::string(kSandboxView) + "/work";
    spec.binds.push_back({binary.parent_path(), folder, false});
  }
  spec.argv.insert(spec.argv.begin(), folder + "/" + binary.filename().string());
  spec.cwd = folder;
}

bool uses_boost(const std::string& text) { return text.find("boost") != std::string::npos; }

std::filesystem::path cache_root() {
  if (const char* dir = getenv("CJ_CACHE_DIR")) return fs::absolute(dir).lexically_normal();
  return fs::path(paths::binary_dir) / "submissions";
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

BuildResult build_submission(const ProblemInfo& problem, const fs::path& submission,
                             const std::string& shown_as, Flavour flavour,
                             const BuildOptions& options, const BuildSources& sources) {
  BuildResult r;
  const FlavourBuild& fb = flavour_build(flavour);
  const std::string text = read_file(submission);
  const bool boost = uses_boost(text);
  const std::string pch_dir = fmt::format("pch-{}{}", fb.name, boost ? "-boost" : "");

  // Everything that goes into the binary, by content.
  std::string key_material = text + '\0' + tree_contents(problem.dir, true) + '\0' +
                             tree_contents(sources.harness_include, true) + '\0' +
                             tree_contents(sources.harness_src, true) + '\0' +
                             compiler_identity(fb.compiler) + '\0' + paths::boost_version + '\0' +
                             problem.slug + '\0' + fb.name + '\0' + pch_dir;
  for (const auto& lib : problem.link) key_material += "-l" + lib;
  for (const char* f : paths::submission_flags) key_material += f;
  for (const auto& f : fb.flags) key_material += f;
  const fs::path root = cache_root();
  const auto dir = root / fmt::format("{}-{:016x}-{}", problem.slug, fnv1a(key_material), fb.name);
  r.binary = dir / "submission";
  if (fs::exists(r.binary)) {
    r.ok = r.cached = true;
    r.compiled_as = read_file(dir / "compiled-as");
    return r;
  }

  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec || access(root.c_str(), W_OK | X_OK) != 0) {
    r.internal_error = true;
    r.reason = fmt::format(
        "the build cache {} cannot be written by this user ({}); set "
        "CJ_CACHE_DIR to a folder you can write",
        root.string(), ec ? ec.message() : std::string("permission denied"));
    return r;
  }
  // Build in a private folder and rename it into place: concurrent judges never see half a build.
  remove_stale_builds();
  static std::atomic<unsigned> builds_started{0};
  const auto work =
      root / fmt::format(".build-{}-{}-{:x}", getpid(), builds_started++, fnv1a(dir.string()));
  fs::remove_all(work, ec);
  fs::create_directories(work, ec);
  fs::permissions(work, fs::perms(0755), ec);

  const CompileView view = compile_view(work, problem, sources);
  const bool other_user = sandbox::support().root;
  if (view.binds.empty() && other_user) {
    // No private view: the sandbox user must reach every input through the folders above it.
    for (const fs::path& p : {fs::absolute(submission), fs::absolute(problem.driver()),
                              sources.harness_include / "cj" / "problem.hpp"}) {
      if (!open_to_others(p)) {
        fs::remove_all(work, ec);
        r.internal_error = true;
        r.reason = fmt::format(
            "the compiler runs as uid {} and cannot read {} (a folder above it is closed to "
            "others), and this machine allows no mount namespace to show it privately; put cj "
            "and the submission in folders others may enter",
            sandbox::support().uid, p.string());
        return r;
      }
    }
  }
  // The learner's file under one fixed name: the binary's debug information then names that
  // name, whatever path the file was judged from.
  r.compiled_as = view.work + "/solution.cpp";
  {
    std::ofstream(work / "solution.cpp", std::ios::binary) << text;
    std::ofstream(work / "compiled-as") << r.compiled_as;
    std::ofstream main(work / "main.cpp");
    // A problem may declare types the learner's class uses (LeetCode's HtmlParser) first.
    if (fs::exists(problem.dir / "before.hpp"))
      main << "#include \"" << view.problem << "/before.hpp\"\n";
    main << "#include \"" << r.compiled_as << "\"\n"
         << "#include \"" << view.problem << "/driver.hpp\"\n";
  }
  for (const char* f : {"solution.cpp", "compiled-as", "main.cpp"})
    fs::permissions(work / f, fs::perms(0644), ec);

  ProcessSpec spec;
  spec.argv = {fb.compiler};
  for (const char* f : paths::submission_flags) spec.argv.push_back(f);
  spec.argv.insert(spec.argv.end(), fb.flags.begin(), fb.flags.end());
  const auto prelude = prelude_flags(fb.compiler, view.harness_build + "/" + pch_dir);
  spec.argv.insert(spec.argv.end(), prelude.begin(), prelude.end());
  const std::vector<std::string> rest = {"-fdiagnostics-color=never",
                                         "-I",
                                         view.harness_include,
                                         "-o",
                                         view.work + "/submission",
                                         view.work + "/main.cpp",
                                         view.harness_build + "/" + fb.problems,
                                         "-Wl,--whole-archive",
                                         view.harness_build + "/" + fb.library,
                                         "-Wl,--no-whole-archive",
                                         paths::backtrace_library};
  spec.argv.insert(spec.argv.end(), rest.begin(), rest.end());
  if (paths::linker[0]) spec.argv.push_back(std::string("-fuse-ld=") + paths::linker);
  if (boost) {
    spec.argv.push_back("-lboost_thread");
    spec.argv.push_back("-lboost_chrono");
  }
  for (const auto& lib : problem.link) spec.argv.push_back("-l" + lib);
  spec.argv.push_back("-ldl");
  spec.cwd = view.work;
  spec.binds = view.binds;
  spec.cwd_writable = true;
  spec.nice = options.nice;
  spec.cancel = options.cancel;
  // CPU time bounds a compile that never ends; wall time only a compiler that hangs: a loaded
  // machine (or the lower priority of a second build) stretches the wall time of a sound one.
  spec.limits.cpu_s = kCompileCpuS;
  spec.limits.wall_s = 900;
  spec.limits.memory_bytes = std::size_t(4) << 30;
  spec.limits.output_bytes = 256 << 10;
  spec.limits.file_bytes = std::size_t(1) << 30;
  ProcessResult p = run_process(spec);
  r.compile_s = p.wall_s;
  if (!p.started) {
    fs::remove_all(work, ec);
    r.internal_error = true;
    r.reason = "could not start the compiler: " + p.spawn_error;
    return r;
  }
  if (p.cancelled) {
    fs::remove_all(work, ec);
    r.cancelled = true;
    r.reason = "the build was stopped: the judgement no longer needed it";
    return r;
  }
  if (p.exit_code != 0) {
    fs::remove_all(work, ec);
    const std::string driver = view.problem + "/driver.hpp";
    if (p.cpu_limit || p.signal == SIGXCPU) {
      r.reason = fmt::format(
          "compiling took more than {:.0f} s of CPU time (a template or include that never "
          "ends?)",
          kCompileCpuS);
    } else if (p.wall_timeout) {
      r.internal_error = true;
      r.reason = fmt::format(
          "the compiler did not finish within {:.0f} s and used little CPU "
          "time: the machine is overloaded or the compiler hangs",
          spec.limits.wall_s);
    } else if (p.signal) {
      r.reason = "the compiler was stopped by " + describe_signal(p.signal) +
                 " (more than 4 GiB of memory while compiling?)";
    } else {
      std::string first;
      bool in_driver = false;
      r.diagnostics =
          trim_diagnostics(p.output, r.compiled_as, shown_as, driver, &first, &in_driver);
      if (first.empty() && (p.memory_limit || p.output.find("out of memory") != std::string::npos ||
                            p.output.find("memory exhausted") != std::string::npos))
        first = "the compiler ran out of memory compiling this file";
      if (first.empty()) {
        // Not the learner's doing: say what the compiler said.
        r.internal_error = true;
        first = "the compiler failed without an error message: " +
                p.output.substr(0, std::min<std::size_t>(p.output.size(), 300));
      }
      r.reason = in_driver ? fmt::format(
                                 "your code does not match LeetCode's interface for "
                                 "this problem (class {} and the stub's methods): {}",
                                 problem.class_name, first)
                           : first;
    }
    return r;
  }
  fs::rename(work, dir, ec);
  if (ec) {  // another judge finished the same build first: use theirs
    fs::remove_all(work, ec);
  }
  r.ok = fs::exists(r.binary);
  if (!r.ok) {
    r.internal_error = true;
    r.reason = "the compiled program vanished from the cache at " + dir.string();
  }
  return r;
}

}  // namespace cj
