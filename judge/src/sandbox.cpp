#include "sandbox.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace cj::sandbox {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write_text(const std::string& path, const std::string& text) {
  int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

/// The number after `key ` in a "key value" per line file, or -1.
long long field(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string k;
  long long v;
  while (in >> k >> v)
    if (k == key) return v;
  return -1;
}

/// Does unshare(flags) work in a fresh child? (A multithreaded process cannot unshare a user
/// namespace itself, and the judge must not change its own namespaces anyway.)
bool unshare_works(int flags) {
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) _exit(unshare(flags) == 0 ? 0 : 1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// Removes run cgroups left by judges that died (SIGKILL leaves no chance to clean up).
void sweep_stale(const fs::path& parent) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string name = e.path().filename().string();
    const long pid = std::strtol(name.c_str(), nullptr, 10);
    if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) rmdir(e.path().c_str());
  }
}

/// <mount>/<our cgroup>/cj, created and writable, or "".
std::string make_parent(const std::string& mount, const std::string& own) {
  if (mount.empty()) return "";
  fs::path p = fs::path(mount) / fs::path(own).relative_path() / "cj";
  std::error_code ec;
  fs::create_directories(p, ec);
  if (ec || access(p.c_str(), W_OK) != 0) return "";
  // A test cgroup proves we may create children here.
  const fs::path probe = p / ("probe-" + std::to_string(getpid()));
  if (mkdir(probe.c_str(), 0755) != 0 && errno != EEXIST) return "";
  rmdir(probe.c_str());
  sweep_stale(p);
  return p.string();
}

Support probe() {
  Support s;
  if (const char* off = getenv("CJ_SANDBOX"); off && std::string(off) == "off") return s;
  s.root = geteuid() == 0;
  if (const char* u = getenv("CJ_SANDBOX_UID")) s.uid = s.gid = std::strtoul(u, nullptr, 10);
  const int base = CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWNS | (s.root ? 0 : CLONE_NEWUSER);
  for (int flags : {base, base & ~CLONE_NEWNS, base & ~(CLONE_NEWNS | CLONE_NEWNET)}) {
    if (unshare_works(flags)) {
      s.namespaces = flags;
      break;
    }
  }

  // Where each cgroup hierarchy is mounted, and where this process sits in it.
  std::string v1_memory, v1_pids, v1_cpuacct, v2;
  std::istringstream mounts(slurp("/proc/self/mounts"));
  for (std::string line; std::getline(mounts, line);) {
    std::istringstream f(line);
    std::string dev, dir, type, opts;
    f >> dev >> dir >> type >> opts;
    if (type == "cgroup2") v2 = dir;
    if (type != "cgroup") continue;
    std::istringstream o(opts);
    for (std::string opt; std::getline(o, opt, ',');) {
      if (opt == "memory") v1_memory = dir;
      if (opt == "pids") v1_pids = dir;
      if (opt == "cpuacct") v1_cpuacct = dir;
    }
  }
  std::string own_memory = "/", own_pids = "/", own_cpuacct = "/", own_v2 = "/";
  std::istringstream groups(slurp("/proc/self/cgroup"));
  for (std::string line; std::getline(groups, line);) {
    const auto a = line.find(':'), b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string controllers = line.substr(a + 1, b - a - 1), path = line.substr(b + 1);
    std::istringstream c(controllers);
    for (std::string name; std::getline(c, name, ',');) {
      if (name == "memory") own_memory = path;
      if (name == "pids") own_pids = path;
      if (name == "cpuacct") own_cpuacct = path;
    }
    if (controllers.empty()) own_v2 = path;
  }
  s.memory_parent = make_parent(v1_memory, own_memory);
  s.pids_parent = make_parent(v1_pids, own_pids);
  s.cpuacct_parent = make_parent(v1_cpuacct, own_cpuacct);
  s.unified_parent = make_parent(v2, own_v2);
  if (!s.unified_parent.empty()) {
    const std::string controllers = slurp(s.unified_parent + "/cgroup.subtree_control");
    s.unified_memory = controllers.find("memory") != std::string::npos;
    s.unified_pids = controllers.find("pids") != std::string::npos;
    if (!s.unified_memory || !s.unified_pids) {
      // Ask for the controllers our cgroup has; harmless when it cannot give them.
      write_text(s.unified_parent + "/cgroup.subtree_control", "+memory +pids");
      const std::string now = slurp(s.unified_parent + "/cgroup.subtree_control");
      s.unified_memory = now.find("memory") != std::string::npos;
      s.unified_pids = now.find("pids") != std::string::npos;
    }
  }
  return s;
}

std::atomic<unsigned> run_counter{0};

}  // namespace

const Support& support() {
  static const Support s = probe();
  return s;
}

std::string describe(const Support& s, int ns) {
  std::string d;
  auto add = [&d](const std::string& part) { d += (d.empty() ? "" : ", ") + part; };
  std::string names;
  if (ns & CLONE_NEWUSER) names += "user+";
  if (ns & CLONE_NEWPID) names += "pid+";
  if (ns & CLONE_NEWNET) names += "net+";
  if (ns & CLONE_NEWNS) names += "mount+";
  if (!names.empty()) add(names.substr(0, names.size() - 1) + " namespaces");
  if (!(ns & CLONE_NEWPID)) add("subreaper");
  if (s.root) add("uid " + std::to_string(s.uid));
  if (!s.memory_parent.empty() || s.unified_memory) add("memory cgroup");
  if (!s.pids_parent.empty() || s.unified_pids) add("pids cgroup");
  if (!s.unified_parent.empty()) add("cgroup.kill");
  return d.empty() ? "none" : d;
}

RunCgroups::RunCgroups(std::size_t memory_bytes, int processes) {
  const Support& s = support();
  const std::string name =
      std::to_string(getpid()) + "-" + std::to_string(run_counter.fetch_add(1));
  auto make = [&](const std::string& parent) -> std::string {
    if (parent.empty()) return "";
    const std::string dir = parent + "/" + name;
    if (mkdir(dir.c_str(), 0755) != 0) return "";
    dirs_.push_back(dir);
    procs_.push_back(dir + "/cgroup.procs");
    return dir;
  };
  unified_ = make(s.unified_parent);
  if (!unified_.empty() && s.unified_memory) {
    memory_dir_ = unified_;
    memory_ = write_text(unified_ + "/memory.max", std::to_string(memory_bytes));
    write_text(unified_ + "/memory.swap.max", "0");
  }
  if (!unified_.empty() && s.unified_pids) {
    pids_dir_ = unified_;
    pids_ = write_text(unified_ + "/pids.max", std::to_string(processes));
  }
  if (!memory_) {
    memory_dir_ = make(s.memory_parent);
    memory_ = !memory_dir_.empty() &&
              write_text(memory_dir_ + "/memory.limit_in_bytes", std::to_string(memory_bytes));
  }
  if (!pids_) {
    pids_dir_ = make(s.pids_parent);
    pids_ = !pids_dir_.empty() && write_text(pids_dir_ + "/pids.max", std::to_string(processes));
  }
  if (unified_.empty()) cpuacct_dir_ = make(s.cpuacct_parent);
}

RunCgroups::~RunCgroups() {
  // The processes are dead by now, but the kernel may need a moment to let go of the cgroup.
  for (int attempt = 0; attempt < 100; ++attempt) {
    bool all = true;
    for (const auto& d : dirs_)
      if (rmdir(d.c_str()) != 0 && errno != ENOENT) all = false;
    if (all) return;
    kill_all();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

bool RunCgroups::kill_all() const {
  return !unified_.empty() && write_text(unified_ + "/cgroup.kill", "1");
}

double RunCgroups::cpu_s() const {
  if (!unified_.empty()) {
    const long long us = field(slurp(unified_ + "/cpu.stat"), "usage_usec");
    return us < 0 ? -1 : us / 1e6;
  }
  if (!cpuacct_dir_.empty()) {
    const std::string t = slurp(cpuacct_dir_ + "/cpuacct.usage");
    return t.empty() ? -1 : std::strtoll(t.c_str(), nullptr, 10) / 1e9;
  }
  return -1;
}

bool RunCgroups::memory_hit() const {
  if (!memory_) return false;
  if (memory_dir_ == unified_) return field(slurp(unified_ + "/memory.events"), "oom_kill") > 0;
  return field(slurp(memory_dir_ + "/memory.oom_control"), "oom_kill") > 0;
}

long long RunCgroups::peak_kb() const {
  if (!memory_) return -1;
  const std::string t = slurp(
      memory_dir_ + (memory_dir_ == unified_ ? "/memory.peak" : "/memory.max_usage_in_bytes"));
  return t.empty() ? -1 : std::strtoll(t.c_str(), nullptr, 10) >> 10;
}

bool RunCgroups::processes_hit() const {
  return pids_ && field(slurp(pids_dir_ + "/pids.events"), "max") > 0;
}

bool RunCgroups::empty() const {
  for (const auto& p : procs_)
    if (!slurp(p).empty()) return false;
  return true;
}

}  // namespace cj::sandbox
