// A problem's hints (problems/<slug>/hints.md): "# Hint 1", "# Hint 2", ... each heading followed
// by a short paragraph, from gentle to almost the answer. Shown one at a time.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cj {

/// The hints' texts in order, without their headings; empty when the file is missing.
std::vector<std::string> load_hints(const std::filesystem::path& file);

}  // namespace cj
