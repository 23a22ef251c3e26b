// Word frequency, the part of the driver that does not need the learner's class: the cases, the
// chunks' text and their sequential count, and the check of the answer and of the readChunk
// calls the trial recorded. Compiled once (checks.cpp), not with every submission.
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "cj/problem.hpp"

namespace cj::word_frequency {

struct WordCase {
  int workers;
  int chunks;
  int words_per_chunk;

  std::string input() const;

  /// Chunk i: lowercase words from a small vocabulary, so that every word occurs in many chunks
  /// and the workers' counts of one word must be added up.
  std::string chunk(int i) const;

  std::map<std::string, int> expected() const;
};

const std::vector<WordCase>& word_cases();

/// How long the first readChunk call waits for a second one: far beyond any scheduling delay
/// of a thread that is ready to run, even on a loaded machine. Only a one-at-a-time answer
/// ever waits that long, once per trial, and is then rejected.
inline constexpr int kRendezvousMs = 2000;

/// The check once count() returned: every chunk read exactly once (calls: per chunk), no index
/// outside the chunks, the counts those of a sequential count, at most `workers` reads at once,
/// and (under real threads) at least two.
Check check_answer(const WordCase& c, const std::atomic<int>* calls,
                   const std::atomic<int>& bad_index, const std::atomic<int>& max_in_flight,
                   const std::unordered_map<std::string, int>& answer);

/// For a stall: how many chunks were read and how many reads were running.
std::string stuck_reads(const WordCase& c, const std::atomic<int>* calls,
                        const std::atomic<int>& in_flight);

}  // namespace cj::word_frequency
