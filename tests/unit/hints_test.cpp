// Hints: every LeetCode problem has two or three, read from its hints.md.
#include "hints.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "catalog.hpp"
#include "cj_paths.hpp"

namespace {

TEST(Hints, EveryLeetCodeProblemHasTwoOrThreeNonEmptyHints) {
  const auto catalog = cj::Catalog::load(std::filesystem::path(cj::paths::source_dir) / "problems");
  int leetcode = 0;
  for (const auto& p : catalog.problems()) {
    if (p.collection != "leetcode") continue;
    ++leetcode;
    const auto hints = cj::load_hints(p.hints());
    EXPECT_GE(hints.size(), 2u) << p.slug;
    EXPECT_LE(hints.size(), 3u) << p.slug;
    for (const auto& h : hints) EXPECT_GT(h.size(), 40u) << p.slug << ": a hint that says nothing";
  }
  EXPECT_EQ(leetcode, 9);
}

TEST(Hints, HeadingsSplitAndTrimTheParagraphs) {
  const auto file = std::filesystem::temp_directory_path() / "cj_hints_test.md";
  std::ofstream(file) << "# Hint 1\n\nfirst\nline\n\n# Hint 2\nsecond\n\n\n";
  const auto hints = cj::load_hints(file);
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0], "first\nline");
  EXPECT_EQ(hints[1], "second");
  std::filesystem::remove(file);
}

TEST(Hints, AMissingFileHasNone) { EXPECT_TRUE(cj::load_hints("/no/such/hints.md").empty()); }

}  // namespace
