// The child processes a solution forks, for problems that allow fork() (parallel-map): memory a
// child shares with the judged process, so that what a driver's callback records in a child is
// seen by the checker, and a record of every child fork() made, so that a trial can tell whether
// each one was waited for. Header-only; only lock-free atomics live in the shared memory.
#pragma once

#include <pthread.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <new>
#include <stdexcept>
#include <string>

namespace cj {

/// A T in memory that survives fork() shared (MAP_SHARED | MAP_ANONYMOUS): a write by a child
/// is seen by its parent. Lives for the rest of the process. T must hold only lock-free atomics
/// and plain data (a mutex would be shared too, but not a child's view of who holds it).
template <class T>
T& shared_across_fork() {
  void* p = ::mmap(nullptr, sizeof(T), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::runtime_error("mmap of memory shared with children failed");
  return *new (p) T();
}

/// Every process fork() created since begin(), recorded by the child itself (a pthread_atfork
/// handler runs in it), so that a trial can check, after the solution's object is gone, that
/// each child was waited for. Processes the sanitizers start (ThreadSanitizer's symbolizer) do
/// not go through fork() and are not recorded.
class ForkWatch {
 public:
  static constexpr int kMax = 256;

  /// The one watch of the process; the first call installs the handler.
  static ForkWatch& get() {
    static ForkWatch watch;
    return watch;
  }

  /// Forgets the children recorded so far (a new trial starts).
  void begin() {
    for (auto& pid : shared()->pids) pid.store(0, std::memory_order_relaxed);
    shared()->count.store(0, std::memory_order_relaxed);
  }

  /// How many processes fork() created since begin().
  int forked() const { return shared()->count.load(std::memory_order_relaxed); }

  /// The first child since begin() that was not waited for, in words ("process 123 is still
  /// running"), or "" when every child was reaped. A child found as a zombie is reaped here.
  /// Called on the parent once the solution's object is destroyed: a child it still needed is
  /// then left behind. A grandchild is not this process's child and is not judged here.
  std::string first_unreaped() const {
    const int n = std::min(forked(), kMax);
    for (int i = 0; i < n; ++i) {
      const pid_t pid = shared()->pids[i].load(std::memory_order_relaxed);
      if (pid <= 0) continue;  // the child has not written its pid yet: it is running
      int status = 0;
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == 0) return "child process " + std::to_string(pid) + " was still running";
      if (r == pid)
        return "child process " + std::to_string(pid) +
               " had exited but was never waited for (a zombie until its parent calls waitpid)";
    }
    for (int i = 0; i < n; ++i)
      if (shared()->pids[i].load(std::memory_order_relaxed) <= 0)
        return "a child process was still starting";
    return {};
  }

 private:
  struct Shared {
    std::atomic<int> count{0};
    std::atomic<pid_t> pids[kMax] = {};
  };
  static Shared*& shared() {
    static Shared* s = nullptr;
    return s;
  }
  ForkWatch() {
    shared() = &shared_across_fork<Shared>();
    ::pthread_atfork(nullptr, nullptr, [] {
      Shared& s = *shared();
      const int i = s.count.fetch_add(1, std::memory_order_relaxed);
      if (i < kMax) s.pids[i].store(::getpid(), std::memory_order_relaxed);
    });
  }
};

}  // namespace cj
