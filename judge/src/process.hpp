// Running an untrusted program (a compiler or a submission) as a child process with limits.
// Everything the child does is observed from outside: exit status, signal, time, memory, output
// bytes, and the one result line the harness writes on descriptor 3.
//
// The child runs in a sandbox (see sandbox.hpp): its own PID, network and mount namespaces where
// the kernel allows, a read-only view of the file system except its working folder (when
// writable) and private scratch folders, an unprivileged user when the judge is root, cgroup
// limits on memory and processes, and the whole process tree is killed at the end. Between the
// judge and the program sits an expendable supervisor, so the program cannot reach the judge.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cj {

struct Limits {
  double wall_s = 10;                  // killed after this much real time
  double cpu_s = 0;                    // CPU time summed over all threads and processes; 0 = none
  std::size_t memory_bytes = 0;        // RLIMIT_AS; 0 = none (sanitizers need none)
  std::size_t output_bytes = 1 << 20;  // stdout + stderr, counted from the pipe
  std::size_t file_bytes = 16 << 20;   // RLIMIT_FSIZE
  int open_files = 256;                // RLIMIT_NOFILE
  int processes = 512;                 // processes + threads of the whole tree (cgroup pids.max)
  // Resident memory of the whole tree (cgroup memory limit); 0 = memory_bytes + 512 MiB when
  // memory_bytes is set (so RLIMIT_AS fails first, with std::bad_alloc), else 3 GiB.
  std::size_t resident_bytes = 0;
};

/// A host file or folder shown to the child at a fixed path of its own (`inside`, under
/// kSandboxView). The host path may sit in folders the sandbox user cannot enter (a clone in a
/// mode-700 home): the judge opens it before the child drops its privileges. Needs the child's
/// own mount namespace (binds_supported()).
struct Bind {
  std::filesystem::path host;
  std::string inside;
  bool writable = false;  // a writable folder is lent to the sandbox user for the run
};

/// Where binds appear inside the sandbox: a private tmpfs over /tmp that holds nothing else.
inline constexpr const char* kSandboxView = "/tmp/cj";

/// True when children get their own mount namespace, so Bind works.
bool binds_supported();

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is a path as the child sees it
  std::vector<std::string> env;   // "NAME=value" added to a minimal environment
  std::filesystem::path cwd;      // empty: inherit
  Limits limits;
  bool result_pipe = false;  // give the child a pipe on descriptor 3 for its result line
  // May the child write in cwd? Unset: yes for a tool (a compiler writes its output there), no
  // for a program with a result pipe (a submission never needs to).
  std::optional<bool> cwd_writable;
  bool network = false;  // leave the network reachable
  std::vector<Bind> binds;
  int nice = 0;                               // scheduling priority of the child (0..19)
  const std::atomic<bool>* cancel = nullptr;  // once true, the child's tree is killed
};

struct ProcessResult {
  bool started = false;
  std::string spawn_error;
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  bool wall_timeout = false;
  bool output_limit = false;
  bool cpu_limit = false;      // the tree used more than limits.cpu_s of CPU time (killed)
  bool memory_limit = false;   // the cgroup's memory limit was hit (the kernel killed a process)
  bool process_limit = false;  // a fork or thread creation failed at limits.processes
  bool cancelled = false;      // killed because ProcessSpec::cancel became true
  std::string output;          // stdout and stderr, interleaved, at most output_bytes
  std::string result;          // what it wrote on descriptor 3
  double wall_s = 0;
  double cpu_s = 0;
  long max_rss_kb = 0;
  std::string isolation;  // what the sandbox could use, e.g. "pid+net+mount ns, uid 65534, cgroup"
};

ProcessResult run_process(const ProcessSpec& spec);

/// "SIGSEGV (invalid memory access)" and the like.
std::string describe_signal(int signal);

}  // namespace cj
