// Concurrent LRU cache, the part of the driver that does not need the learner's class: the cases,
// each thread's script, and the check of a recorded history against a sequential LRU cache
// (cj/lru_spec.hpp). Compiled once (checks.cpp), not with every submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/lru_spec.hpp"
#include "cj/problem.hpp"

namespace cj::concurrent_lru_cache {

struct Call {
  int method;  // lru::Method
  int key = 0;
  int value = 0;  // put only

  std::string text() const;
};

struct LruCase {
  int capacity;
  int keys;             // keys are 1..keys
  int threads;          // actors
  int calls;            // per thread, a size() at the end included
  bool own_keys_first;  // each thread starts by putting a key no other thread uses first

  /// Thread a's script: a fixed mix of gets, puts and size(); every value put is unique in the
  /// trial ((a + 1) * 100 + j + 1), so a get's result names the put it saw.
  std::vector<Call> script(int a) const;
  std::string input() const;
};

const std::vector<LruCase>& lru_cases();

/// nullopt when some one-at-a-time order of the calls, respecting their timing, is a run of an
/// LRU cache of the case's capacity; otherwise the smallest sub-history that shows it is not,
/// with a sentence on what the last call to return should have returned.
Check check_history(const LruCase& c, const std::vector<Operation>& ops);

/// For a stall: which thread is inside which call.
std::string stuck_calls(const LruCase& c, const std::vector<std::vector<Call>>& scripts,
                        const HistoryRecorder& history);

}  // namespace cj::concurrent_lru_cache
