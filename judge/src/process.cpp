#include "process.hpp"

#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

#include "sandbox.hpp"

namespace cj {
namespace {

using Clock = std::chrono::steady_clock;

/// What the status pipe carries instead of a wait status when bind i could not be made.
constexpr int kBindFailed = 0x7f000000;

/// Everything the child side needs, prepared before fork: after it, only system calls.
struct ChildPlan {
  std::vector<char*> argv, envp;
  const char* cwd = nullptr;
  bool cwd_writable = false;
  int namespaces = 0;
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string uid_map, gid_map;  // for a user namespace
  std::vector<const char*> cgroup_procs;
  struct BindPlan {
    const char* host;
    const char* inside;
    bool writable;
  };
  std::vector<BindPlan> binds;
  int nice = 0;
  bool nproc_rlimit = false;
  const Limits* limits = nullptr;
  int out = -1, res = -1, status = -1;  // write ends
  pid_t judge = 0;
};

void set_limit(int resource, rlim_t value) {
  rlimit r{value, value};
  setrlimit(resource, &r);
}

void write_file(const char* path, const char* text, std::size_t n) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;
  if (write(fd, text, n) < 0) {
  }
  close(fd);
}

void send_status(int fd, int status) {
  if (write(fd, &status, sizeof status) < 0) {
  }
}

/// The program itself: descriptors, limits, an unprivileged identity, then execve.
[[noreturn]] void exec_program(const ChildPlan& p, int namespaces) {
  int devnull = open("/dev/null", O_RDONLY);
  dup2(devnull, 0);
  dup2(p.out, 1);
  dup2(p.out, 2);
  if (p.res >= 0) dup2(p.res, 3);
  syscall(SYS_close_range, p.res >= 0 ? 4 : 3, ~0U, 0);
  const Limits& l = *p.limits;
  set_limit(RLIMIT_CORE, 0);
  if (l.cpu_s > 0) set_limit(RLIMIT_CPU, static_cast<rlim_t>(l.cpu_s + 1));
  if (l.memory_bytes) set_limit(RLIMIT_AS, l.memory_bytes);
  if (l.file_bytes) set_limit(RLIMIT_FSIZE, l.file_bytes);
  if (l.open_files) set_limit(RLIMIT_NOFILE, l.open_files);
  if (p.nproc_rlimit && l.processes) set_limit(RLIMIT_NPROC, l.processes);
  if (p.nice > 0) setpriority(PRIO_PROCESS, 0, p.nice);
  umask(022);  // what a compiler writes must be readable by the run that follows
  if (p.switch_user) {
    if (setgroups(0, nullptr) != 0 || setresgid(p.gid, p.gid, p.gid) != 0 ||
        setresuid(p.uid, p.uid, p.uid) != 0)
      _exit(125);
  } else if (namespaces & CLONE_NEWUSER) {
    // Inside its own user namespace the program holds every capability: drop them all.
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    syscall(SYS_capset, &header, data);
  }
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  if (p.cwd && chdir(p.cwd) != 0) _exit(127);
  execve(p.argv[0], p.argv.data(), p.envp.data());
  _exit(127);
}

/// mkdir -p for a path in the view (runs as root in the child's own mount namespace).
bool make_path(const char* path, bool directory) {
  char buf[4096];
  const std::size_t n = strlen(path);
  if (n >= sizeof buf) return false;
  memcpy(buf, path, n + 1);
  for (char* s = buf + 1; *s; ++s) {
    if (*s != '/') continue;
    *s = 0;
    if (mkdir(buf, 0755) != 0 && errno != EEXIST) return false;
    *s = '/';
  }
  if (directory) return mkdir(buf, 0755) == 0 || errno == EEXIST;
  int fd = open(buf, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  close(fd);
  return true;
}

/// Shows each bind's host path at its place in the view: a private tmpfs over /tmp. The host
/// paths are opened first, as root, so folders closed to the sandbox user and paths under /tmp
/// itself both work. Returns the index of the first bind that failed, or -1.
int make_binds(const ChildPlan& p, const std::vector<int>& fds) {
  if (p.binds.empty()) return -1;
  if (mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") != 0) return 0;
  for (std::size_t i = 0; i < p.binds.size(); ++i) {
    const auto& b = p.binds[i];
    struct stat st {};
    if (fds[i] < 0 || fstat(fds[i], &st) != 0 || !make_path(b.inside, S_ISDIR(st.st_mode)))
      return static_cast<int>(i);
    char source[64];
    snprintf(source, sizeof source, "/proc/self/fd/%d", fds[i]);
    if (mount(source, b.inside, nullptr, MS_BIND, nullptr) != 0) return static_cast<int>(i);
    mount_attr attr{};
    if (b.writable)
      attr.attr_clr = MOUNT_ATTR_RDONLY;
    else
      attr.attr_set = MOUNT_ATTR_RDONLY;
    attr.attr_set |= MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV;
    if (mount_setattr(AT_FDCWD, b.inside, 0, &attr, sizeof attr) != 0) return static_cast<int>(i);
  }
  // Only the binds: nothing else may be created in the view.
  mount(nullptr, "/tmp", nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr);
  return -1;
}

/// A read-only view of the whole file system, except private scratch folders, the writable
/// binds and (for a compiler without binds) the working folder. Failures other than a bind's
/// leave the view as it was: permissions still apply. Returns the failed bind's index or -1.
int confine_file_system(const ChildPlan& p) {
  std::vector<int> fds;
  for (const auto& b : p.binds) fds.push_back(open(b.host, O_PATH | O_CLOEXEC));
  mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr);
  mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr);
  mount_attr ro{};
  ro.attr_set = MOUNT_ATTR_RDONLY;
  mount_setattr(AT_FDCWD, "/", AT_RECURSIVE, &ro, sizeof ro);
  mount("tmpfs", "/var/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=256m,mode=1777");
  mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "size=64m,mode=1777");
  if (p.binds.empty() && p.cwd && p.cwd_writable &&
      mount(p.cwd, p.cwd, nullptr, MS_BIND, nullptr) == 0) {
    mount_attr rw{};
    rw.attr_clr = MOUNT_ATTR_RDONLY;
    mount_setattr(AT_FDCWD, p.cwd, 0, &rw, sizeof rw);
  }
  const int failed = make_binds(p, fds);
  for (int fd : fds)
    if (fd >= 0) close(fd);
  return failed;
}

/// PID 1 of the run's PID namespace: starts the program, reaps everything, reports the
/// program's status, and by exiting makes the kernel kill whatever the program left behind.
[[noreturn]] void run_init(const ChildPlan& p, int namespaces) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (namespaces & CLONE_NEWNS) {
    if (const int failed = confine_file_system(p); failed >= 0) {
      send_status(p.status, kBindFailed | failed);
      _exit(0);
    }
  } else if (!p.binds.empty()) {
    send_status(p.status, kBindFailed);
    _exit(0);
  }
  pid_t program = fork();
  if (program < 0) _exit(124);
  if (program == 0) exec_program(p, namespaces);
  while (true) {
    int status = 0;
    pid_t w = wait(&status);
    if (w == program) {
      send_status(p.status, status);
      _exit(0);
    }
    if (w < 0 && errno != EINTR) _exit(0);
  }
}

/// Without a PID namespace the supervisor adopts orphans (child subreaper) and kills them all.
void sweep_descendants() {
  for (int round = 0; round < 1000; ++round) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/self/task/%d/children", static_cast<int>(getpid()));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? 0 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return;
    buf[n] = 0;
    for (char* s = buf; *s;) {
      long pid = strtol(s, &s, 10);
      if (pid > 0) kill(static_cast<pid_t>(pid), SIGKILL);
      while (*s == ' ') ++s;
    }
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    usleep(1000);
  }
}

/// The expendable process between the judge and the program.
[[noreturn]] void run_supervisor(const ChildPlan& p) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != p.judge) _exit(126);
  setpgid(0, 0);  // out of the terminal's foreground group: Ctrl-C is for the judge only
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD}) signal(s, SIG_DFL);
  for (const char* procs : p.cgroup_procs) write_file(procs, "0", 1);
  int namespaces = p.namespaces;
  if (namespaces && unshare(namespaces) != 0) namespaces = 0;
  if (namespaces & CLONE_NEWUSER) {
    write_file("/proc/self/setgroups", "deny", 4);
    write_file("/proc/self/uid_map", p.uid_map.c_str(), p.uid_map.size());
    write_file("/proc/self/gid_map", p.gid_map.c_str(), p.gid_map.size());
  }
  const bool pid_ns = namespaces & CLONE_NEWPID;
  if (!pid_ns && !p.binds.empty()) {
    send_status(p.status, kBindFailed);
    _exit(0);
  }
  if (!pid_ns) prctl(PR_SET_CHILD_SUBREAPER, 1);
  pid_t child = fork();
  if (child < 0) _exit(124);
  if (child == 0) {
    if (pid_ns) run_init(p, namespaces);
    exec_program(p, namespaces);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!pid_ns) {
    send_status(p.status, status);
    sweep_descendants();
  }
  _exit(0);
}

/// Reads what is available; returns false at end of file.
bool drain(int fd, std::string& into, std::size_t cap, std::size_t& total) {
  char buf[65536];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) return n < 0 && (errno == EAGAIN || errno == EINTR);
  total += static_cast<std::size_t>(n);
  if (into.size() < cap) into.append(buf, std::min<std::size_t>(n, cap - into.size()));
  return true;
}

/// Hands a working folder to the sandbox user for a run, and everything in it back afterwards.
class LentFolder {
 public:
  LentFolder(const std::filesystem::path& dir, uid_t uid, gid_t gid) : dir_(dir) {
    struct stat st {};
    if (dir.empty() || stat(dir.c_str(), &st) != 0) return;
    owner_ = st.st_uid;
    group_ = st.st_gid;
    lent_ = chown(dir.c_str(), uid, gid) == 0;
  }
  ~LentFolder() {
    if (!lent_) return;
    std::error_code ec;
    if (lchown(dir_.c_str(), owner_, group_) != 0) return;
    for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (lchown(it->path().c_str(), owner_, group_) != 0) continue;
  }
  LentFolder(const LentFolder&) = delete;
  LentFolder& operator=(const LentFolder&) = delete;

 private:
  std::filesystem::path dir_;
  uid_t owner_ = 0;
  gid_t group_ = 0;
  bool lent_ = false;
};

}  // namespace

bool binds_supported() { return sandbox::support().namespaces & CLONE_NEWNS; }

ProcessResult run_process(const ProcessSpec& spec) {
  ProcessResult r;
  const sandbox::Support& sb = sandbox::support();
  const Limits& limits = spec.limits;
  int out[2], res[2] = {-1, -1}, st[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(st, O_CLOEXEC) != 0 ||
      (spec.result_pipe && pipe2(res, O_CLOEXEC) != 0)) {
    r.spawn_error = std::string("pipe: ") + std::strerror(errno);
    return r;
  }

  ChildPlan plan;
  for (const auto& a : spec.argv) plan.argv.push_back(const_cast<char*>(a.c_str()));
  plan.argv.push_back(nullptr);
  std::vector<std::string> env_strings = {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8",
                                          "MALLOC_ARENA_MAX=4"};
  if (const char* home = getenv("HOME")) env_strings.push_back(std::string("HOME=") + home);
  plan.namespaces = sb.namespaces & ~(spec.network ? CLONE_NEWNET : 0);
  // The program's scratch space: a private tmpfs when it has its own mount namespace.
  if (plan.namespaces & CLONE_NEWNS)
    env_strings.push_back("TMPDIR=/var/tmp");
  else if (const char* tmp = getenv("TMPDIR"))
    env_strings.push_back(std::string("TMPDIR=") + tmp);
  env_strings.insert(env_strings.end(), spec.env.begin(), spec.env.end());
  for (auto& e : env_strings) plan.envp.push_back(e.data());
  plan.envp.push_back(nullptr);
  const std::string cwd = spec.cwd.string();
  if (!cwd.empty()) plan.cwd = cwd.c_str();
  plan.cwd_writable = spec.cwd_writable.value_or(!spec.result_pipe);
  plan.switch_user = sb.root;
  plan.uid = sb.root ? sb.uid : getuid();
  plan.gid = sb.root ? sb.gid : getgid();
  plan.uid_map = std::to_string(getuid()) + " " + std::to_string(getuid()) + " 1";
  plan.gid_map = std::to_string(getgid()) + " " + std::to_string(getgid()) + " 1";
  plan.limits = &limits;
  plan.out = out[1];
  plan.res = res[1];
  plan.status = st[1];
  plan.judge = getpid();
  std::vector<std::string> bind_hosts;
  for (const auto& b : spec.binds) bind_hosts.push_back(b.host.string());
  for (std::size_t i = 0; i < spec.binds.size(); ++i)
    plan.binds.push_back(
        {bind_hosts[i].c_str(), spec.binds[i].inside.c_str(), spec.binds[i].writable});
  plan.nice = spec.nice;

  const std::size_t resident = limits.resident_bytes ? limits.resident_bytes
                               : limits.memory_bytes ? limits.memory_bytes + (512ULL << 20)
                                                     : 3ULL << 30;
  sandbox::RunCgroups cgroups(resident, limits.processes);
  for (const auto& p : cgroups.procs_files()) plan.cgroup_procs.push_back(p.c_str());
  plan.nproc_rlimit = sb.root && !cgroups.limits_processes();
  std::vector<std::unique_ptr<LentFolder>> lent;
  if (plan.switch_user && spec.binds.empty() && plan.cwd_writable)
    lent.push_back(std::make_unique<LentFolder>(spec.cwd, sb.uid, sb.gid));
  for (const auto& b : spec.binds)
    if (plan.switch_user && b.writable)
      lent.push_back(std::make_unique<LentFolder>(b.host, sb.uid, sb.gid));
  r.isolation = sandbox::describe(sb, plan.namespaces);

  const auto start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    r.spawn_error = std::string("fork: ") + std::strerror(errno);
    for (int fd : {out[0], out[1], st[0], st[1], res[0], res[1]})
      if (fd >= 0) close(fd);
    return r;
  }
  if (pid == 0) run_supervisor(plan);
  close(out[1]);
  close(st[1]);
  if (spec.result_pipe) close(res[1]);
  r.started = true;
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(st[0], F_SETFL, O_NONBLOCK);
  if (spec.result_pipe) fcntl(res[0], F_SETFL, O_NONBLOCK);

  std::size_t out_total = 0, res_total = 0, st_total = 0;
  std::string status_bytes;
  bool out_open = true, res_open = spec.result_pipe, st_open = true, exited = false;
  int supervisor_status = 0;
  rusage usage{};
  auto kill_all = [&] {
    cgroups.kill_all();
    kill(pid, SIGKILL);  // the init process dies with it, and with init the whole namespace
    kill(-pid, SIGKILL);
  };
  Clock::time_point exited_at;
  while (true) {
    pollfd fds[3];
    int nfds = 0;
    if (out_open) fds[nfds++] = {out[0], POLLIN, 0};
    if (res_open) fds[nfds++] = {res[0], POLLIN, 0};
    if (st_open) fds[nfds++] = {st[0], POLLIN, 0};
    if (nfds) poll(fds, nfds, 20);
    if (out_open) out_open = drain(out[0], r.output, limits.output_bytes, out_total);
    if (res_open) res_open = drain(res[0], r.result, 1 << 20, res_total);
    if (st_open) st_open = drain(st[0], status_bytes, sizeof(int), st_total);
    if (out_total > limits.output_bytes && !r.output_limit) {
      r.output_limit = true;
      kill_all();
    }
    if (!exited && wait4(pid, &supervisor_status, WNOHANG, &usage) == pid) {
      exited = true;
      exited_at = Clock::now();
      kill_all();  // whatever is left of the tree goes with it
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (!exited && elapsed > limits.wall_s && !r.wall_timeout) {
      r.wall_timeout = true;
      kill_all();
    }
    if (!exited && spec.cancel && !r.cancelled && spec.cancel->load()) {
      r.cancelled = true;
      kill_all();
    }
    if (!exited && limits.cpu_s > 0 && !r.cpu_limit && cgroups.cpu_s() > limits.cpu_s) {
      r.cpu_limit = true;
      kill_all();
    }
    if (exited && !out_open && !res_open && !st_open) break;
    // Something outside the tree may hold the pipes: stop reading soon after the child ends.
    if (exited && Clock::now() - exited_at > std::chrono::milliseconds(500)) break;
    if (!nfds && !exited) usleep(5000);
  }
  // The supervisor's usage includes everything it and init reaped.
  r.max_rss_kb = usage.ru_maxrss;
  close(out[0]);
  close(st[0]);
  if (spec.result_pipe) close(res[0]);
  r.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  const double cg_cpu = cgroups.cpu_s();
  r.cpu_s = cg_cpu >= 0 ? cg_cpu
                        : usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                              usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  r.memory_limit = cgroups.memory_hit();
  // A run killed at the wall limit takes its children's usage with it (the supervisor dies
  // before init reaps them): the cgroup's own high-water mark is what still tells.
  r.max_rss_kb = std::max<long>(r.max_rss_kb, cgroups.peak_kb());
  r.process_limit = cgroups.processes_hit();
  int status = 0;
  if (status_bytes.size() == sizeof status) {
    std::memcpy(&status, status_bytes.data(), sizeof status);
    if ((status & kBindFailed) == kBindFailed) {
      const std::size_t i = status & 0xffff;
      r.spawn_error =
          !binds_supported() ? "this machine gives the sandbox no mount namespace, so it cannot "
                               "show the program the files it needs"
          : i < spec.binds.size()
              ? "the sandbox could not show " + spec.binds[i].host.string() + " to the program"
              : "the sandbox could not set up the program's view of the file system";
      r.started = false;
      return r;
    }
  } else if (WIFEXITED(supervisor_status) && WEXITSTATUS(supervisor_status) >= 124 &&
             !r.wall_timeout && !r.output_limit && !r.cpu_limit) {
    r.spawn_error = "the sandbox could not start the program (status " +
                    std::to_string(WEXITSTATUS(supervisor_status)) + ")";
    status = supervisor_status;
  } else {
    status = SIGKILL;  // killed before it could report: by the judge or the kernel
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 125)
    r.spawn_error = "the sandbox could not switch to an unprivileged user";
  return r;
}

std::string describe_signal(int signal) {
  switch (signal) {
    case SIGSEGV:
      return "SIGSEGV (an invalid memory access)";
    case SIGABRT:
      return "SIGABRT (abort() was called, often by a failed assertion or a library "
             "check)";
    case SIGFPE:
      return "SIGFPE (an arithmetic error such as division by zero)";
    case SIGBUS:
      return "SIGBUS (a misaligned or invalid memory access)";
    case SIGILL:
      return "SIGILL (an illegal instruction)";
    case SIGKILL:
      return "SIGKILL";
    case SIGXCPU:
      return "SIGXCPU (the CPU time limit)";
    case SIGXFSZ:
      return "SIGXFSZ (the file size limit)";
    case SIGPIPE:
      return "SIGPIPE";
    default:
      return std::string("signal ") + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
}

}  // namespace cj
