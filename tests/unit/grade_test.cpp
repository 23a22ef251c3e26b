// The grader's reports and its memory of verdicts across runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "grade_reports.hpp"
#include "grade_state.hpp"
#include "html_page.hpp"
#include "shard.hpp"

namespace {

cj::GradeBatch sample_batch() {
  cj::GradeBatch b;
  b.problem = "print-in-order";
  b.mode = "stress";
  b.results.push_back({{"submission", "a.cpp"},
                       {"verdict", "accepted"},
                       {"reason", "fine"},
                       {"elapsed_s", 1.5},
                       {"replay", nullptr}});
  b.results.push_back({{"submission", "b<&>.cpp"},
                       {"verdict", "wrong_answer"},
                       {"reason", "the 1st print was \"third\""},
                       {"expected", "firstsecondthird"},
                       {"got", "thirdfirstsecond"},
                       {"elapsed_s", 0.5},
                       {"replay", "./cj judge 1114 b.cpp --seed 3"}});
  return b;
}

TEST(GradeReports, SummaryCountsEachVerdict) {
  auto s = cj::grade_summary(sample_batch());
  EXPECT_EQ(s["accepted"], 1);
  EXPECT_EQ(s["wrong_answer"], 1);
}

TEST(GradeReports, JunitEscapesNamesAndMarksFailures) {
  std::ostringstream out;
  cj::write_junit(out, sample_batch());
  const std::string x = out.str();
  EXPECT_NE(x.find("tests=\"2\" failures=\"1\" errors=\"0\""), std::string::npos) << x;
  EXPECT_NE(x.find("name=\"b&lt;&amp;&gt;.cpp\""), std::string::npos);
  EXPECT_NE(x.find("<failure message=\"wrong_answer: the 1st print was &quot;third&quot;\""),
            std::string::npos);
}

TEST(GradeReports, GradescopeHasTheFieldsItReads) {
  std::ostringstream out;
  cj::write_gradescope(out, sample_batch());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["score"], 1);
  for (const char* k : {"execution_time", "output", "visibility", "tests"})
    EXPECT_TRUE(j.contains(k)) << k;
  ASSERT_EQ(j["tests"].size(), 2u);
  EXPECT_EQ(j["tests"][1]["status"], "failed");
  EXPECT_EQ(j["tests"][1]["max_score"], 1);
}

TEST(GradeReports, HtmlShowsReasonAndReplayEscaped) {
  std::ostringstream out;
  cj::write_html(out, sample_batch());
  const std::string h = out.str();
  EXPECT_NE(h.find("b&lt;&amp;&gt;.cpp"), std::string::npos);
  EXPECT_NE(h.find("./cj judge 1114 b.cpp --seed 3"), std::string::npos);
  EXPECT_NE(h.find("thirdfirstsecond"), std::string::npos);
  // The one script is the page's own (a timeline opens at its end); no text becomes another.
  const auto script = h.find("<script");
  ASSERT_NE(script, std::string::npos);
  EXPECT_EQ(h.compare(script, cj::open_at_end_script().size(), cj::open_at_end_script()), 0);
  EXPECT_EQ(h.find("<script", script + 1), std::string::npos);
}

TEST(GradeState, RemembersVerdictsAcrossRunsAndSkipsATornLine) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("cj-grade-state-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto sub = dir / "s.cpp";
  std::ofstream(sub) << "class Foo {};\n";
  const auto key = cj::grade_key(sub, "print-in-order", "stress", 0.3);
  {
    cj::GradeState state(dir / "state.jsonl");
    EXPECT_FALSE(state.find(key));
    state.record(key, {{"verdict", "accepted"}});
  }
  std::ofstream(dir / "state.jsonl", std::ios::app) << "{\"key\": \"torn";
  cj::GradeState again(dir / "state.jsonl");
  ASSERT_TRUE(again.find(key));
  EXPECT_EQ((*again.find(key))["verdict"], "accepted");
  // A changed file, mode or budget is a different key.
  EXPECT_NE(cj::grade_key(sub, "print-in-order", "tsan", 0.3), key);
  EXPECT_NE(cj::grade_key(sub, "print-in-order", "stress", 0.5), key);
  std::ofstream(sub) << "class Foo { };\n";
  EXPECT_NE(cj::grade_key(sub, "print-in-order", "stress", 0.3), key);
  std::filesystem::remove_all(dir);
}

}  // namespace

TEST(GradeShards, ParseAcceptsOnlyZeroBasedSlices) {
  auto s = cj::parse_shard("2/4");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 2);
  EXPECT_EQ(s->count, 4);
  for (const char* bad : {"4/4", "-1/4", "1/0", "1", "/4", "1/", "a/4", "1/4x", "1.5/4"})
    EXPECT_FALSE(cj::parse_shard(bad)) << bad;
}

TEST(GradeShards, EveryFileLandsInExactlyOneSliceWhateverItsSpelling) {
  for (int n = 1; n <= 7; ++n) {
    for (int f = 0; f < 200; ++f) {
      const std::string path = "subs/student" + std::to_string(f) + ".cpp";
      int owners = 0, owner = -1;
      for (int i = 0; i < n; ++i)
        if (cj::in_shard(path, {i, n})) ++owners, owner = i;
      EXPECT_EQ(owners, 1) << path << " in " << n;
      EXPECT_TRUE(cj::in_shard("./" + path, {owner, n})) << "./" << path;
    }
  }
}

TEST(GradeShards, SlicesAreRoughlyEven) {
  int counts[4] = {};
  for (int f = 0; f < 400; ++f)
    for (int i = 0; i < 4; ++i)
      counts[i] += cj::in_shard("s/" + std::to_string(f) + ".cpp", {i, 4});
  for (int c : counts) EXPECT_GT(c, 60) << "a slice of 400 files over 4 shards";
}

TEST(GradeState, RemembersTheLastFinishedBatch) {
  const auto file =
      std::filesystem::temp_directory_path() / ("cj-batch-" + std::to_string(getpid()) + ".jsonl");
  std::filesystem::remove(file);
  {
    cj::GradeState state(file);
    state.record("k1", {{"verdict", "accepted"}});
    state.record_batch({{"shard", {{"index", 0}, {"count", 1}}}, {"files", {"k0"}}});
    state.record_batch({{"shard", {{"index", 1}, {"count", 2}}}, {"files", {"k1"}}});
  }
  cj::GradeState again(file);
  ASSERT_TRUE(again.last_batch());
  EXPECT_EQ((*again.last_batch())["shard"]["index"], 1);
  EXPECT_TRUE(again.find("k1"));
  std::filesystem::remove(file);
}
