// What the kernel says about one of this process's threads: is it blocked or burning CPU?
#pragma once

#include <sys/types.h>

#include <vector>

namespace cj {

struct ThreadSample {
  bool exists = false;
  char state = '?';                  // from /proc/self/task/TID/stat: R running, S sleeping, ...
  unsigned long long cpu_ticks = 0;  // utime + stime
};

ThreadSample sample_thread(pid_t tid);

/// Samples the threads twice, window_ms apart; true for each thread that used the CPU for more
/// than a fifth of the window (spinning), false for a thread that stayed blocked.
std::vector<bool> spinning_threads(const std::vector<pid_t>& tids, int window_ms);

/// Threads in this process right now.
int thread_count();

pid_t current_tid();

}  // namespace cj
