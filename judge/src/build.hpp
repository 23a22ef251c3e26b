// Compiling a submission against its problem's driver and the harness, as LeetCode would: after
// the prelude (precompiled), unchanged. Builds are cached by content, so a replay or a regrade of
// an unchanged file starts at once.
//
// The compiler runs in the sandbox as the sandbox user, who may not enter the user's folders (a
// clone in a mode-700 home). It sees fixed paths of its own instead (process.hpp, Bind): the
// learner's file copied into a private build folder, the problem's folder, the harness headers
// and the harness build. The learner's file is compiled as one fixed name, so a cached binary's
// debug information names that name whatever path the file was judged from; reports map it back.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

#include "catalog.hpp"
#include "process.hpp"

namespace cj {

/// A way of compiling a submission. Each has its own harness library and precompiled preludes
/// (harness/CMakeLists.txt); adding one means an entry here and one in build.cpp's table.
/// plain_gcc is the plain build with GCC, for what clang (the plain compiler) rejects.
enum class Flavour { plain, plain_gcc, tsan };
const char* flavour_name(Flavour f);
/// The compiler a flavour builds with: "clang" or "GCC".
const char* flavour_compiler(Flavour f);
/// Whether a file `f` rejects with a compile error may still compile with GCC (plain_gcc).
bool gcc_may_compile_instead(Flavour f);

/// Where the files that go into every binary come from; installed() is this build of cj.
struct BuildSources {
  std::filesystem::path harness_include;  // harness/include
  std::filesystem::path harness_src;      // harness/src (hashed: the libraries are built from it)
  std::filesystem::path harness_build;    // the harness libraries and precompiled preludes
  static BuildSources installed();
};

struct BuildResult {
  bool ok = false;
  bool internal_error = false;  // the judge's fault, not the submission's
  std::filesystem::path binary;
  /// The learner's file as the binary's debug information names it (TSAN reports use it).
  std::string compiled_as;
  std::string reason;       // for a compile error: one sentence with the first error
  std::string diagnostics;  // the compiler's first errors, paths shown as the learner gave them
  bool cached = false;
  bool cancelled = false;  // stopped because the judgement no longer needed it
  double compile_s = 0;
};

struct BuildOptions {
  const std::atomic<bool>* cancel = nullptr;  // once true, the compiler is stopped
  int nice = 0;                               // the compiler's scheduling priority (0..19)
};

BuildResult build_submission(const ProblemInfo& problem, const std::filesystem::path& submission,
                             const std::string& shown_as, Flavour flavour,
                             const BuildOptions& options = {},
                             const BuildSources& sources = BuildSources::installed());

/// Sets spec to run a compiled binary of the cache: argv[0] and the working folder as the sandbox
/// shows them (the cache may sit where the sandbox user cannot enter). Arguments go after.
void run_binary(ProcessSpec& spec, const std::filesystem::path& binary);

/// Does the submission need the Boost prelude? (It names boost anywhere: an include, a type.)
bool uses_boost(const std::string& submission_text);

/// Keeps the compiler's first errors, names files as the learner knows them, and drops the
/// judge's own wrapper lines. Exposed for tests.
std::string trim_diagnostics(const std::string& compiler_output, const std::string& submission_abs,
                             const std::string& shown_as, const std::string& driver_abs,
                             std::string* first_error, bool* first_error_in_driver);

std::filesystem::path cache_root();

}  // namespace cj
