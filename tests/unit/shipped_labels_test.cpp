// The labels of shipped solutions: "// expect: X", lists of the verdicts one bug may show as, and
// "rejected"; and every shipped file carries a label the judge's verdict names understand.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalog.hpp"
#include "cj/verdict.hpp"
#include "cj_paths.hpp"

namespace {

namespace fs = std::filesystem;

cj::ShippedSolution labelled(const std::string& first_line) {
  // One folder per test: ctest runs the tests of this file side by side.
  const fs::path root =
      fs::temp_directory_path() /
      ("cj_shipped_labels_" +
       std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::remove_all(root);
  fs::create_directories(root / "problems" / "toy");
  fs::create_directories(root / "solutions" / "toy");
  std::ofstream(root / "solutions" / "toy" / "buggy_x.cpp") << first_line << "\nclass X {};\n";
  cj::ProblemInfo toy;
  toy.slug = "toy";
  toy.dir = root / "problems" / "toy";
  const auto shipped = cj::shipped_solutions(toy);
  EXPECT_EQ(shipped.size(), 1u);
  return shipped.empty() ? cj::ShippedSolution{} : shipped.front();
}

TEST(ShippedLabels, OneVerdict) {
  const auto s = labelled("// expect: deadlock");
  EXPECT_EQ(s.expect, "deadlock");
  EXPECT_TRUE(s.expects("deadlock"));
  EXPECT_FALSE(s.expects("wrong_answer"));
  EXPECT_FALSE(s.expects("accepted"));
}

TEST(ShippedLabels, ListOfVerdictsOneBugShowsAs) {
  const auto s = labelled("// expect: deadlock or wrong_answer (which comes first depends)");
  EXPECT_EQ(s.expect, "deadlock or wrong_answer");
  EXPECT_TRUE(s.expects("deadlock"));
  EXPECT_TRUE(s.expects("wrong_answer"));
  EXPECT_FALSE(s.expects("livelock"));
  EXPECT_FALSE(s.expects("or"));
}

TEST(ShippedLabels, RejectedIsAnyRejection) {
  const auto s = labelled("// expect: rejected");
  EXPECT_TRUE(s.expects("livelock"));
  EXPECT_FALSE(s.expects("accepted"));
  EXPECT_FALSE(s.expects("internal_error"));
}

TEST(ShippedLabels, NoLabel) {
  const auto s = labelled("class Y {};");
  EXPECT_EQ(s.expect, "");
  EXPECT_FALSE(s.expects("accepted"));
}

TEST(ShippedLabels, EveryShippedFileNamesKnownVerdicts) {
  const auto catalog = cj::Catalog::load(fs::path(cj::paths::source_dir) / "problems");
  int files = 0;
  for (const auto& p : catalog.problems())
    for (const auto& s : cj::shipped_solutions(p)) {
      ++files;
      ASSERT_FALSE(s.expect.empty()) << s.file;
      std::istringstream words(s.expect);
      for (std::string w; words >> w;) {
        const bool names_a_verdict =
            w == "or" || w == "rejected" || cj::Verdict::parse(w).has_value();
        EXPECT_TRUE(names_a_verdict) << s.file << ": " << w;
      }
    }
  EXPECT_GT(files, 250);
}

}  // namespace
