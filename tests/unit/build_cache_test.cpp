// The build cache against the inputs of a binary: a real compile of a reference answer, keyed by
// everything that goes into it, and named the same whatever path the file was judged from.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "build.hpp"
#include "catalog.hpp"
#include "cj_paths.hpp"

namespace {

namespace fs = std::filesystem;

/// A temporary folder with a copy of the harness headers and a build cache of its own.
class BuildCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/cj-build-cache-test.XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    dir_ = name;
    fs::copy(cj::paths::harness_include, dir_ / "include", fs::copy_options::recursive);
    setenv("CJ_CACHE_DIR", (dir_ / "cache").c_str(), 1);
    sources_ = cj::BuildSources::installed();
    sources_.harness_include = dir_ / "include";
    auto catalog = cj::Catalog::load(fs::path(cj::paths::source_dir) / "problems");
    problem_ = *catalog.find("print-in-order");
    answer_ = fs::path(cj::paths::source_dir) / "solutions/print-in-order/mutex_cv.cpp";
  }
  void TearDown() override {
    unsetenv("CJ_CACHE_DIR");
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  cj::BuildResult build(const fs::path& file) {
    return cj::build_submission(problem_, file, file.filename().string(), cj::Flavour::plain, {},
                                sources_);
  }

  fs::path dir_, answer_;
  cj::BuildSources sources_;
  cj::ProblemInfo problem_;
};

TEST_F(BuildCacheTest, EditingACheckerHeaderRebuildsTheNextJudge) {
  const cj::BuildResult first = build(answer_);
  ASSERT_TRUE(first.ok) << first.reason << "\n" << first.diagnostics;
  EXPECT_FALSE(first.cached);
  const cj::BuildResult again = build(answer_);
  EXPECT_TRUE(again.cached);
  EXPECT_EQ(again.binary, first.binary);

  std::ofstream(dir_ / "include/cj/sequence.hpp", std::ios::app) << "// edited by a test\n";
  const cj::BuildResult edited = build(answer_);
  ASSERT_TRUE(edited.ok) << edited.reason;
  EXPECT_FALSE(edited.cached);
  EXPECT_NE(edited.binary, first.binary);
}

TEST_F(BuildCacheTest, TheSameFileFromAnotherPathReusesTheBinaryUnderOneName) {
  const cj::BuildResult first = build(answer_);
  ASSERT_TRUE(first.ok) << first.reason;
  fs::create_directories(dir_ / "elsewhere");
  fs::copy_file(answer_, dir_ / "elsewhere/copy.cpp");
  const cj::BuildResult copy = build(dir_ / "elsewhere/copy.cpp");
  EXPECT_TRUE(copy.cached);
  EXPECT_EQ(copy.binary, first.binary);
  // Reports name the learner's file by this name and map it back to the path they gave.
  EXPECT_EQ(copy.compiled_as, first.compiled_as);
  EXPECT_EQ(copy.compiled_as.find(answer_.parent_path().string()), std::string::npos);
}

TEST(BuildPrelude, OnlyASubmissionThatNamesBoostGetsTheBoostPrelude) {
  EXPECT_TRUE(cj::uses_boost("#include <boost/thread.hpp>\nclass Foo {};"));
  EXPECT_TRUE(cj::uses_boost("class Foo { boost::mutex m; };"));
  EXPECT_FALSE(cj::uses_boost("class Foo { std::mutex m; };"));
}

}  // namespace
