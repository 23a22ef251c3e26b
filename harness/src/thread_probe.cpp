#include "thread_probe.hpp"

#include <dirent.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace cj {

ThreadSample sample_thread(pid_t tid) {
  ThreadSample s;
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return s;
  // The command name is in parentheses and may hold spaces: parse after the last ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return s;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  rest >> s.state;
  // Fields after the state, counting the state as field 3: utime is 14 and stime 15.
  for (int f = 4; f <= 13; ++f) rest >> field;
  unsigned long long utime = 0, stime = 0;
  rest >> utime >> stime;
  s.cpu_ticks = utime + stime;
  s.exists = true;
  return s;
}

std::vector<bool> spinning_threads(const std::vector<pid_t>& tids, int window_ms) {
  std::vector<ThreadSample> before;
  for (pid_t t : tids) before.push_back(sample_thread(t));
  std::this_thread::sleep_for(std::chrono::milliseconds(window_ms));
  const long hz = sysconf(_SC_CLK_TCK);
  const double window_ticks = hz * window_ms / 1000.0;
  std::vector<bool> spinning;
  for (std::size_t i = 0; i < tids.size(); ++i) {
    ThreadSample after = sample_thread(tids[i]);
    double used = double(after.cpu_ticks) - double(before[i].cpu_ticks);
    spinning.push_back(after.exists &&
                       (used > window_ticks / 5 || (after.state == 'R' && before[i].state == 'R')));
  }
  return spinning;
}

int thread_count() {
  int n = 0;
  if (DIR* d = opendir("/proc/self/task")) {
    while (dirent* e = readdir(d)) n += e->d_name[0] != '.';
    closedir(d);
  }
  return n;
}

bool another_thread_runnable() {
  const pid_t me = current_tid();
  bool runnable = false;
  if (DIR* d = opendir("/proc/self/task")) {
    while (dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      const pid_t tid = static_cast<pid_t>(std::atoi(e->d_name));
      if (tid == me) continue;
      if (sample_thread(tid).state == 'R') {
        runnable = true;
        break;
      }
    }
    closedir(d);
  }
  return runnable;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

pid_t current_tid() { return static_cast<pid_t>(syscall(SYS_gettid)); }

}  // namespace cj
