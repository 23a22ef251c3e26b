// The child-process sandbox against shell commands that misbehave the way hostile submissions do.
#include "sandbox.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "process.hpp"

namespace {

cj::ProcessResult sh(const std::string& script, double wall_s = 5) {
  cj::ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.limits.wall_s = wall_s;
  spec.result_pipe = true;  // like a submission: its working folder is not writable
  return cj::run_process(spec);
}

bool alive(pid_t pid) { return kill(pid, 0) == 0; }

TEST(Sandbox, ReportsExitStatusAndOutput) {
  auto r = sh("echo hello; echo result >&3; exit 7");
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.output, "hello\n");
  EXPECT_EQ(r.result, "result\n");
}

TEST(Sandbox, ReportsTheSignalThatEndedTheProgram) {
  auto r = sh("kill -SEGV $$");
  EXPECT_EQ(r.signal, SIGSEGV);
}

TEST(Sandbox, WallTimeLimitKillsAHang) {
  const auto start = std::chrono::steady_clock::now();
  auto r = sh("while :; do :; done", 0.5);
  EXPECT_TRUE(r.wall_timeout);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 3);
}

TEST(Sandbox, OutputFloodIsCutAtTheLimit) {
  auto r = sh("yes flood");
  EXPECT_TRUE(r.output_limit);
  EXPECT_LE(r.output.size(), std::size_t(1) << 20);
}

TEST(Sandbox, GrandchildThatLeftTheSessionDiesWithTheRun) {
  // A unique sleep argument finds the grandchild whatever PID namespace it was in.
  const std::string arg = "30." + std::to_string(getpid());
  auto r = sh("setsid sleep " + arg + " & sleep 0.3; echo started");
  EXPECT_EQ(r.exit_code, 0);
  usleep(200000);
  bool found = false;
  // Processes come and go while /proc is read: a vanished one is simply not running.
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
    std::string s;
    try {
      std::ifstream cmd(e.path() / "cmdline");
      s.assign(std::istreambuf_iterator<char>(cmd), std::istreambuf_iterator<char>());
    } catch (const std::exception&) {
      continue;
    }
    if (s.find(arg) != std::string::npos && s.rfind("sleep", 0) == 0) found = true;
  }
  EXPECT_FALSE(found) << "the escaped grandchild is still running";
}

TEST(Sandbox, KillingItsParentDoesNotReachTheJudge) {
  // Without a PID namespace `kill -9 -1` would reach every process of the user: never try.
  if (!(cj::sandbox::support().namespaces & CLONE_NEWPID)) GTEST_SKIP() << "no PID namespace";
  auto r = sh("kill -9 $PPID; kill -9 -1; echo survived");
  EXPECT_TRUE(alive(getpid()));
  EXPECT_TRUE(r.started);
}

TEST(Sandbox, CannotWriteOutsideItsScratchSpace) {
  const std::string marker = "/tmp/cj-sandbox-test-marker-" + std::to_string(getpid());
  std::filesystem::remove(marker);
  auto r = sh("echo x > " + marker + "; echo x > /var/tmp/m && echo scratch-ok");
  if (!(cj::sandbox::support().namespaces & CLONE_NEWNS) && !cj::sandbox::support().root)
    GTEST_SKIP() << "no mount namespace and not root: permissions are all that applies";
  EXPECT_FALSE(std::filesystem::exists(marker)) << r.output;
  std::filesystem::remove(marker);
}

TEST(Sandbox, NetworkIsOff) {
  if (!(cj::sandbox::support().namespaces & CLONE_NEWNET)) GTEST_SKIP() << "no network namespace";
  auto r = sh("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '");
  EXPECT_EQ(r.output, "lo\n");
}

TEST(Sandbox, ForkBombMeetsTheProcessLimit) {
  cj::ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "b() { b | b & }; b; sleep 1"};
  spec.limits.wall_s = 3;
  spec.limits.processes = 64;
  spec.result_pipe = true;
  auto r = cj::run_process(spec);
  EXPECT_TRUE(r.started);
  if (r.isolation.find("pids cgroup") != std::string::npos) {
    EXPECT_TRUE(r.process_limit);
  }
}

}  // namespace
