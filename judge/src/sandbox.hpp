// What the machine lets the judge use to confine a child (probed once), and the per-run cgroups.
// process.cpp builds the process tree:
//
//   judge thread ── supervisor (expendable; dies with the judge thread: PR_SET_PDEATHSIG)
//                      └─ init (PID 1 of a new PID namespace; its death kills the namespace)
//                            └─ program (limits, unprivileged user, then execve)
//
// Without PID namespaces the supervisor becomes a child subreaper and sweeps its descendants.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace cj::sandbox {

struct Support {
  bool root = false;  // the judge runs as root: the program runs as uid/gid below
  uid_t uid = 65534;  // "nobody" unless CJ_SANDBOX_UID says otherwise
  gid_t gid = 65534;
  int namespaces = 0;       // CLONE_NEW* flags that unshare() accepted in a probe
  std::string pids_parent;  // cgroup folders to create run cgroups under ("" = unavailable)
  std::string memory_parent;
  std::string cpuacct_parent;
  std::string unified_parent;  // cgroup v2 (cgroup.kill, and the controllers it has)
  bool unified_memory = false;
  bool unified_pids = false;
};

/// Probed on first use; thread-safe. CJ_SANDBOX=off turns every isolation off (for debugging).
const Support& support();

/// A one-line description of what a run uses, for ProcessResult::isolation.
std::string describe(const Support& s, int namespaces_used);

/// The cgroups of one run: created before the fork, joined by the supervisor, removed after.
class RunCgroups {
 public:
  RunCgroups(std::size_t memory_bytes, int processes);
  ~RunCgroups();
  RunCgroups(const RunCgroups&) = delete;
  RunCgroups& operator=(const RunCgroups&) = delete;

  /// cgroup.procs files the supervisor writes "0" into (prepared before fork).
  const std::vector<std::string>& procs_files() const { return procs_; }
  bool limits_memory() const { return memory_; }
  bool limits_processes() const { return pids_; }
  bool can_kill() const { return !unified_.empty(); }
  /// Kills every process in the run's cgroup (cgroup v2 cgroup.kill); false if unavailable.
  bool kill_all() const;
  /// CPU seconds used by the tree so far; negative when unknown.
  double cpu_s() const;
  bool memory_hit() const;
  /// The most memory the run's processes held at once, in KiB (-1 when no memory cgroup
  /// counts it). Unlike ru_maxrss it survives a kill before init reaped the submission.
  long long peak_kb() const;
  bool processes_hit() const;
  bool empty() const;

 private:
  std::vector<std::string> dirs_;
  std::vector<std::string> procs_;
  std::string memory_dir_, pids_dir_, cpuacct_dir_, unified_;
  bool memory_ = false, pids_ = false;
};

}  // namespace cj::sandbox
