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

/// True when a thread of this process other than the caller is runnable right now (state R:
/// running, or woken and waiting for a CPU). On a loaded machine a sound program's threads can
/// wait that way for a long time; a deadlocked program has none.
bool another_thread_runnable();

/// CPU time this process has used so far, all threads, in seconds.
double process_cpu_seconds();

pid_t current_tid();

}  // namespace cj
