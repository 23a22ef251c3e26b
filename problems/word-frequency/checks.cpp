// The compiled-once part of the Word frequency driver (checks.hpp).
#include "checks.hpp"

#include <sstream>
#include <utility>

namespace cj::word_frequency {

namespace {

std::string first_difference(const std::map<std::string, int>& want,
                             const std::map<std::string, int>& got) {
  for (const auto& [word, n] : want) {
    auto it = got.find(word);
    const int g = it == got.end() ? 0 : it->second;
    if (g != n)
      return "\"" + word + "\" was counted " + std::to_string(g) +
             " times, but the chunks hold it " + std::to_string(n) + " times";
  }
  for (const auto& [word, n] : got)
    if (!want.count(word))
      return "\"" + word + "\" was counted " + std::to_string(n) +
             " times, but it is not a word of the text";
  return "the counts differ";
}

std::string show(const std::map<std::string, int>& counts) {
  std::string s = "{";
  for (const auto& [word, n] : counts)
    s += (s.size() > 1 ? ", " : "") + word + ": " + std::to_string(n);
  return s + "}";
}

Check fail(std::string reason) {
  Failure f;
  f.reason = std::move(reason);
  return f;
}

}  // namespace

std::string WordCase::input() const {
  return "workers = " + std::to_string(workers) + ", " + std::to_string(chunks) + " chunks of " +
         std::to_string(words_per_chunk) + " words";
}

std::string WordCase::chunk(int i) const {
  static const char* const vocabulary[] = {
      "the",   "river", "stone", "apple", "night", "bread", "light", "house",
      "cloud", "ember", "salt",  "wheel", "moss",  "iron",  "glass", "a",
  };
  std::string text;
  for (int j = 0; j < words_per_chunk; ++j) {
    const unsigned k = static_cast<unsigned>(i * 7 + j * j * 3 + j + chunks) % 16;
    if (j) text += (j % 11 == 0) ? "\n" : " ";
    text += vocabulary[k];
  }
  return text;
}

std::map<std::string, int> WordCase::expected() const {
  std::map<std::string, int> counts;
  for (int i = 0; i < chunks; ++i) {
    std::istringstream in(chunk(i));
    for (std::string w; in >> w;) ++counts[w];
  }
  return counts;
}

const std::vector<WordCase>& word_cases() {
  static const std::vector<WordCase> cases = {
      {2, 4, 24}, {3, 6, 20}, {4, 8, 16}, {2, 7, 30}, {3, 3, 24}, {2, 2, 40},
  };
  return cases;
}

Check check_answer(const WordCase& c, const std::atomic<int>* calls,
                   const std::atomic<int>& bad_index, const std::atomic<int>& max_in_flight,
                   const std::unordered_map<std::string, int>& answer) {
  if (const int n = bad_index.load(std::memory_order_relaxed))
    return fail("readChunk was called " + std::to_string(n) + " times with an index outside 0.." +
                std::to_string(c.chunks - 1));
  for (int i = 0; i < c.chunks; ++i) {
    const int n = calls[i].load(std::memory_order_relaxed);
    if (n == 0) return fail("chunk " + std::to_string(i) + " was never read");
    if (n > 1)
      return fail("chunk " + std::to_string(i) + " was read " + std::to_string(n) +
                  " times; read every chunk exactly once");
  }
  const std::map<std::string, int> want = c.expected();
  const std::map<std::string, int> got(answer.begin(), answer.end());
  if (got != want) {
    Failure f;
    f.reason = first_difference(want, got);
    f.expected = show(want);
    f.got = show(got);
    return f;
  }
  const int most = max_in_flight.load(std::memory_order_relaxed);
  if (most > c.workers)
    return fail(std::to_string(most) + " readChunk calls ran at once, but workers = " +
                std::to_string(c.workers) + ": use at most that many threads");
  if (!one_thread_at_a_time() && c.chunks >= 2 && most < 2) {
    Failure f;
    f.verdict = "not_concurrent";
    f.reason = "readChunk was never running on two threads at once (its first call waited " +
               std::to_string(kRendezvousMs / 1000) +
               " seconds for a second one): read and count the chunks on several worker threads in "
               "parallel, without one lock held across reading and counting";
    return f;
  }
  return std::nullopt;
}

std::string stuck_reads(const WordCase& c, const std::atomic<int>* calls,
                        const std::atomic<int>& in_flight) {
  int read = 0;
  for (int i = 0; i < c.chunks; ++i) read += calls[i].load(std::memory_order_relaxed) > 0;
  return std::to_string(read) + " of " + std::to_string(c.chunks) + " chunks had been read, " +
         std::to_string(in_flight.load(std::memory_order_relaxed)) +
         " readChunk calls were running, and count() had not returned";
}

}  // namespace cj::word_frequency
