#include "judge.hpp"

#include <gtest/gtest.h>

#include <csignal>

#include "build.hpp"
#include "catalog.hpp"
#include "cj_paths.hpp"
#include "tsan_report.hpp"

namespace {

cj::JudgeResult interpret(int exit_code, int signal, bool timeout, bool flood,
                          const std::string& result) {
  cj::ProcessResult p;
  p.started = true;
  p.exit_code = exit_code;
  p.signal = signal;
  p.wall_timeout = timeout;
  p.output_limit = flood;
  p.result = result;
  return cj::interpret_run("stress", p, cj::Limits{});
}

}  // namespace

TEST(Catalog, FindsAProblemBySlugAndByNumber) {
  auto catalog = cj::Catalog::load(std::filesystem::path(cj::paths::source_dir) / "problems");
  ASSERT_TRUE(catalog.find("1114").has_value());
  EXPECT_EQ(catalog.find("1114")->slug, "print-in-order");
  EXPECT_EQ(catalog.find("print-in-order")->number, 1114);
  EXPECT_FALSE(catalog.find("no-such-problem").has_value());
}

TEST(Catalog, ReadsWhichModesASubmissionUsingALibraryIsJudgedWithout) {
  auto catalog = cj::Catalog::load(std::filesystem::path(cj::paths::source_dir) / "problems");
  const auto channel = catalog.find("bounded-channel");
  ASSERT_TRUE(channel.has_value());
  ASSERT_EQ(channel->modes.size(), 1u);
  EXPECT_EQ(channel->modes[0].uses, "boost/fiber");
  EXPECT_EQ(channel->modes[0].skip, (std::vector<std::string>{"explore", "tsan"}));
  EXPECT_FALSE(channel->modes[0].why.empty());
}

TEST(Catalog, OnlyTheProblemsThatSaySoAllowFork) {
  auto catalog = cj::Catalog::load(std::filesystem::path(cj::paths::source_dir) / "problems");
  ASSERT_TRUE(catalog.find("parallel-map").has_value());
  EXPECT_TRUE(catalog.find("parallel-map")->allows_fork);
  for (const auto& p : catalog.problems())
    EXPECT_EQ(p.allows_fork, p.slug == "parallel-map") << p.slug;
}

TEST(InterpretRun, TheHarnessResultLineDecides) {
  auto r = interpret(0, 0, false, false,
                     R"({"verdict":"wrong_answer","reason":"r","trials":5,"run_s":0.5})");
  EXPECT_EQ(r.verdict, "wrong_answer");
  EXPECT_EQ(r.trials, 5);
}

TEST(InterpretRun, ACrashIsARuntimeErrorNamingTheSignal) {
  auto r = interpret(-1, SIGSEGV, false, false, "");
  EXPECT_EQ(r.verdict, "runtime_error");
  EXPECT_NE(r.reason.find("SIGSEGV"), std::string::npos);
}

TEST(InterpretRun, ExitWithoutAResultIsARuntimeError) {
  auto r = interpret(0, 0, false, false, "");
  EXPECT_EQ(r.verdict, "runtime_error");
  EXPECT_NE(r.reason.find("exit status 0"), std::string::npos);
}

TEST(InterpretRun, AHangIsATimeLimit) {
  EXPECT_EQ(interpret(-1, SIGKILL, true, false, "").verdict, "time_limit");
}

TEST(InterpretRun, FloodingOutputIsAnOutputLimitEvenWithAResult) {
  EXPECT_EQ(interpret(0, 0, false, true, R"({"verdict":"accepted"})").verdict, "output_limit");
}

TEST(InterpretRun, BadAllocIsAMemoryLimit) {
  auto r = interpret(1, 0, false, false,
                     R"({"verdict":"runtime_error","reason":"uncaught: std::bad_alloc"})");
  EXPECT_EQ(r.verdict, "memory_limit");
}

TEST(TrimDiagnostics, ShowsTheLearnersPathAndDropsWrapperLines) {
  std::string out =
      "In file included from /tmp/x/main.cpp:1:\n"
      "/abs/sub.cpp:3:5: error: 'mutx' does not name a type\n"
      "    3 |     mutx m;\n";
  std::string first;
  bool in_driver = true;
  auto kept =
      cj::trim_diagnostics(out, "/abs/sub.cpp", "sub.cpp", "/abs/driver.hpp", &first, &in_driver);
  EXPECT_EQ(first, "sub.cpp:3:5: error: 'mutx' does not name a type");
  EXPECT_FALSE(in_driver);
  EXPECT_EQ(kept.find("In file included"), std::string::npos);
}

TEST(TsanReport, ADataRaceNamesBothAccessesInTheLearnersFile) {
  std::string out =
      "==================\n"
      "WARNING: ThreadSanitizer: data race (pid=1)\n"
      "  Write of size 1 at 0x7b0400000010 by thread T2:\n"
      "    #0 Foo::first(std::function<void ()>) /abs/sub.cpp:7 (submission+0x1)\n"
      "    #1 cj::Trial::run /abs/driver.hpp:9 (submission+0x2)\n"
      "\n"
      "  Previous read of size 1 at 0x7b0400000010 by thread T3:\n"
      "    #0 Foo::second(std::function<void ()>) /abs/sub.cpp:12 (submission+0x3)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: data race /abs/sub.cpp:7 in Foo::first\n";
  auto reports = cj::parse_tsan_reports(out, "/abs/sub.cpp", "sub.cpp");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, "data race");
  EXPECT_NE(reports[0].summary.find("writes in Foo::first() at sub.cpp:7"), std::string::npos);
  EXPECT_NE(reports[0].summary.find("reads in Foo::second() at sub.cpp:12"), std::string::npos);
  EXPECT_EQ(reports[0].stacks.find("driver.hpp"), std::string::npos);
}

TEST(InterpretRun, AForkBombIsAResourceLimitEvenIfTheTrialsPassed) {
  cj::ProcessResult p;
  p.started = true;
  p.process_limit = true;
  p.result = R"({"verdict":"accepted"})";
  auto r = cj::interpret_run("stress", p, cj::Limits{});
  EXPECT_EQ(r.verdict, "resource_limit");
  EXPECT_NE(r.reason.find("512 processes"), std::string::npos);
}

TEST(InterpretRun, TheMemoryCgroupLimitIsAMemoryLimit) {
  cj::ProcessResult p;
  p.started = true;
  p.signal = SIGKILL;
  p.memory_limit = true;
  EXPECT_EQ(cj::interpret_run("stress", p, cj::Limits{}).verdict, "memory_limit");
}

TEST(InterpretRun, TheCpuLimitIsATimeLimit) {
  cj::ProcessResult p;
  p.started = true;
  p.signal = SIGKILL;
  p.cpu_limit = true;
  EXPECT_EQ(cj::interpret_run("stress", p, cj::Limits{}).verdict, "time_limit");
}

TEST(TsanReport, ARaceWithNoFrameInTheLearnersFileIsMarkedSo) {
  std::string out =
      "WARNING: ThreadSanitizer: data race (pid=1)\n"
      "  Write of size 8 at 0x1 by thread T2:\n"
      "    #0 std::deque<int>::push_back /usr/include/c++/12/bits/stl_deque.h:1540 (s+0x1)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: data race\n";
  auto reports = cj::parse_tsan_reports(out, "/abs/sub.cpp", "sub.cpp");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].in_submission);
}

TEST(TsanReport, AnAccessHeadingThatNamesHeldMutexesStillFindsTheLearnersFrame) {
  std::string out =
      "WARNING: ThreadSanitizer: data race (pid=1)\n"
      "  Read of size 8 at 0x1 by thread T2 (mutexes: write M49):\n"
      "    #0 std::deque<int>::empty() const /usr/include/c++/12/bits/stl_deque.h:1348 (s+0x1)\n"
      "    #1 Q::dequeue() /abs/sub.cpp:26 (s+0x1)\n"
      "\n"
      "  Previous write of size 8 at 0x1 by thread T1 (mutexes: write M50):\n"
      "    #0 Q::enqueue(int) /abs/sub.cpp:18 (s+0x2)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: data race\n";
  auto reports = cj::parse_tsan_reports(out, "/abs/sub.cpp", "sub.cpp");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].in_submission);
  EXPECT_NE(reports[0].summary.find("reads in Q::dequeue() at sub.cpp:26"), std::string::npos);
  EXPECT_NE(reports[0].summary.find("writes in Q::enqueue() at sub.cpp:18"), std::string::npos);
}

TEST(InterpretRun, AStallWhileMemoryGrewToGigabytesIsAMemoryLimit) {
  cj::ProcessResult p;
  p.started = true;
  p.exit_code = 0;
  p.result = R"({"verdict":"time_limit","reason":"no progress for 1 s"})";
  p.max_rss_kb = 3L << 20;
  auto r = cj::interpret_run("stress", p, cj::Limits{});
  EXPECT_EQ(r.verdict, "memory_limit");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.back().kind, "time_limit");
  p.max_rss_kb = 64 << 10;  // a stall in a small program stays what it is
  EXPECT_EQ(cj::interpret_run("stress", p, cj::Limits{}).verdict, "time_limit");
}
