#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace cj {
namespace {

using Clock = std::chrono::steady_clock;

void set_limit(int resource, rlim_t value) {
  rlimit r{value, value};
  setrlimit(resource, &r);
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

}  // namespace

ProcessResult run_process(const ProcessSpec& spec) {
  ProcessResult r;
  int out[2], res[2] = {-1, -1};
  if (pipe2(out, O_CLOEXEC) != 0 || (spec.result_pipe && pipe2(res, O_CLOEXEC) != 0)) {
    r.spawn_error = std::string("pipe: ") + std::strerror(errno);
    return r;
  }
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<char*> argv;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8",
                                          "MALLOC_ARENA_MAX=4"};
  if (const char* home = getenv("HOME")) env_strings.push_back(std::string("HOME=") + home);
  if (const char* tmp = getenv("TMPDIR")) env_strings.push_back(std::string("TMPDIR=") + tmp);
  env_strings.insert(env_strings.end(), spec.env.begin(), spec.env.end());
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string cwd = spec.cwd.string();

  const auto start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    r.spawn_error = std::string("fork: ") + std::strerror(errno);
    return r;
  }
  if (pid == 0) {
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dup2(out[1], 1);
    dup2(out[1], 2);
    if (spec.result_pipe) dup2(res[1], 3);
    set_limit(RLIMIT_CORE, 0);
    if (spec.limits.cpu_s > 0) set_limit(RLIMIT_CPU, static_cast<rlim_t>(spec.limits.cpu_s + 1));
    if (spec.limits.memory_bytes) set_limit(RLIMIT_AS, spec.limits.memory_bytes);
    if (spec.limits.file_bytes) set_limit(RLIMIT_FSIZE, spec.limits.file_bytes);
    if (spec.limits.open_files) set_limit(RLIMIT_NOFILE, spec.limits.open_files);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  setpgid(pid, pid);
  close(out[1]);
  if (spec.result_pipe) close(res[1]);
  r.started = true;
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  if (spec.result_pipe) fcntl(res[0], F_SETFL, O_NONBLOCK);

  std::size_t out_total = 0, res_total = 0;
  bool out_open = true, res_open = spec.result_pipe, exited = false;
  int status = 0;
  rusage usage{};
  auto kill_all = [&] {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  };
  std::chrono::steady_clock::time_point exited_at;
  while (true) {
    pollfd fds[2];
    int nfds = 0;
    if (out_open) fds[nfds++] = {out[0], POLLIN, 0};
    if (res_open) fds[nfds++] = {res[0], POLLIN, 0};
    if (nfds) poll(fds, nfds, 20);
    if (out_open) out_open = drain(out[0], r.output, spec.limits.output_bytes, out_total);
    if (res_open) res_open = drain(res[0], r.result, 1 << 20, res_total);
    if (out_total > spec.limits.output_bytes && !r.output_limit) {
      r.output_limit = true;
      kill_all();
    }
    if (!exited && wait4(pid, &status, WNOHANG, &usage) == pid) {
      exited = true;
      exited_at = Clock::now();
      // Whatever the child left in its process group goes with it.
      kill(-pid, SIGKILL);
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (!exited && elapsed > spec.limits.wall_s && !r.wall_timeout) {
      r.wall_timeout = true;
      kill_all();
    }
    if (exited && !out_open && !res_open) break;
    // A grandchild outside the group may hold the pipes: stop reading soon after the child ends.
    if (exited && Clock::now() - exited_at > std::chrono::milliseconds(500)) break;
    if (!nfds && !exited) usleep(5000);
  }
  close(out[0]);
  if (spec.result_pipe) close(res[0]);
  r.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  r.cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
            usage.ru_stime.tv_usec / 1e6;
  r.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
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
