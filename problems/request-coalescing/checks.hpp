// Request Coalescing, the part of the driver that does not need the learner's class: the cases,
// the check of the recorded gets and loads and the stall text. Compiled once (checks.cpp), not
// with every submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/problem.hpp"

namespace cj::request_coalescing {

enum Method { kGet = 0, kLoad = 1 };

/// Values a load returns: key * kPerKey + the load's number for that key (1, 2, ...), so each
/// value names the one load that produced it. A failed load records minus that number.
constexpr int kPerKey = 1000;
/// Codes (below kPerKey, so no load's) for a get() that threw what no load threw.
constexpr int kUnknownError = 1;
constexpr int kNotStdException = 2;

struct CoalesceCase {
  int callers;   // one actor each
  int keys;      // keys 1..keys
  int bursts;    // each caller makes one get() per burst
  int fail_key;  // this key's odd-numbered loads throw; 0 for none
  int load_us;   // how long a load takes
  int gap_us;    // pause between bursts

  /// The key caller a asks for in burst b: callers share keys, and the sharing changes by burst.
  int key(int a, int b) const { return 1 + (a + b) % keys; }
  bool fails(int key, int n) const { return key == fail_key && n % 2 == 1; }

  std::string input() const;
};

const std::vector<CoalesceCase>& coalesce_cases();

inline std::string failure_message(int key, int n) {
  return "load " + std::to_string(n) + " of key " + std::to_string(key) + " failed";
}

/// nullopt when the loader ran only inside get() (`foreign_loads` counts the other calls), no two
/// loads of one key overlapped, and every get() got what a load of its key that was still in
/// flight (or whose burst was still being answered) produced. unknown[a]: what() of caller a's
/// first exception that no load threw.
Check check_trial(int foreign_loads, const HistoryRecorder& history,
                  const std::vector<std::string>& unknown);

/// For a stall: which caller waits in which get().
std::string stuck_calls(const CoalesceCase& c, const HistoryRecorder& history);

}  // namespace cj::request_coalescing
