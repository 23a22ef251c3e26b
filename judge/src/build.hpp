// Compiling a submission against its problem's driver and the harness, as LeetCode would: after
// the prelude (precompiled), unchanged. Builds are cached by content, so a replay or a regrade of
// an unchanged file starts at once.
#pragma once

#include <filesystem>
#include <string>

#include "catalog.hpp"

namespace cj {

enum class Flavour { plain, tsan };
const char* flavour_name(Flavour f);

struct BuildResult {
  bool ok = false;
  bool internal_error = false;  // the judge's fault, not the submission's
  std::filesystem::path binary;
  std::string reason;       // for a compile error: one sentence with the first error
  std::string diagnostics;  // the compiler's first errors, paths shown as the learner gave them
  bool cached = false;
  double compile_s = 0;
};

BuildResult build_submission(const ProblemInfo& problem, const std::filesystem::path& submission,
                             const std::string& shown_as, Flavour flavour);

/// Keeps the compiler's first errors, names files as the learner knows them, and drops the
/// judge's own wrapper lines. Exposed for tests.
std::string trim_diagnostics(const std::string& compiler_output, const std::string& submission_abs,
                             const std::string& shown_as, const std::string& driver_abs,
                             std::string* first_error, bool* first_error_in_driver);

std::filesystem::path cache_root();

}  // namespace cj
