// Running an untrusted program (a compiler or a submission) as a child process with limits.
// Everything the child does is observed from outside: exit status, signal, time, memory, output
// bytes, and the one result line the harness writes on descriptor 3.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cj {

struct Limits {
  double wall_s = 10;                  // killed after this much real time
  double cpu_s = 0;                    // RLIMIT_CPU, summed over threads; 0 = none
  std::size_t memory_bytes = 0;        // RLIMIT_AS; 0 = none (sanitizers need none)
  std::size_t output_bytes = 1 << 20;  // stdout + stderr, counted from the pipe
  std::size_t file_bytes = 16 << 20;   // RLIMIT_FSIZE
  int open_files = 256;                // RLIMIT_NOFILE
};

struct ProcessSpec {
  std::vector<std::string> argv;
  std::vector<std::string> env;  // "NAME=value" added to a minimal environment
  std::filesystem::path cwd;     // empty: inherit
  Limits limits;
  bool result_pipe = false;  // give the child a pipe on descriptor 3 for its result line
};

struct ProcessResult {
  bool started = false;
  std::string spawn_error;
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  bool wall_timeout = false;
  bool output_limit = false;
  std::string output;  // stdout and stderr, interleaved, at most output_bytes
  std::string result;  // what it wrote on descriptor 3
  double wall_s = 0;
  double cpu_s = 0;
  long max_rss_kb = 0;
};

ProcessResult run_process(const ProcessSpec& spec);

/// "SIGSEGV (invalid memory access)" and the like.
std::string describe_signal(int signal);

}  // namespace cj
