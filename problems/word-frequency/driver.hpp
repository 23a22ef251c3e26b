// Word frequency: count the words of many text chunks with k worker threads. The driver hands
// the solution readChunk(i), the slow part (like reading a file), and records which chunks were
// read and how many reads were running at once. The counts must equal a sequential count; the
// answer must read chunks on several threads at the same time (the overlap of readChunk calls,
// not a speed-up, so a loaded machine cannot make a parallel answer look sequential), and never
// more than k at once. An unlocked shared map is left to the ThreadSanitizer run.
#include "cj/harness.hpp"

namespace cj::word_frequency {

struct WordCase {
  int workers;
  int chunks;
  int words_per_chunk;

  std::string input() const {
    return "workers = " + std::to_string(workers) + ", " + std::to_string(chunks) + " chunks of " +
           std::to_string(words_per_chunk) + " words";
  }

  /// Chunk i: lowercase words from a small vocabulary, so that every word occurs in many chunks
  /// and the workers' counts of one word must be added up.
  std::string chunk(int i) const {
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

  std::map<std::string, int> expected() const {
    std::map<std::string, int> counts;
    for (int i = 0; i < chunks; ++i) {
      std::istringstream in(chunk(i));
      for (std::string w; in >> w;) ++counts[w];
    }
    return counts;
  }
};

inline const std::vector<WordCase>& word_cases() {
  static const std::vector<WordCase> cases = {
      {2, 4, 24}, {3, 6, 20}, {4, 8, 16}, {2, 7, 30}, {3, 3, 24}, {2, 2, 40},
  };
  return cases;
}

class WordTrial final : public Trial {
 public:
  explicit WordTrial(const WordCase& c)
      : c_(c), calls_(std::make_unique<std::atomic<int>[]>(static_cast<std::size_t>(c.chunks))) {
    for (int i = 0; i < c.chunks; ++i) {
      calls_[i].store(0, std::memory_order_relaxed);
      texts_.push_back(c.chunk(i));
    }
  }

  void run(int) override {
    ::WordFrequency solver(c_.workers);
    answer_ = solver.count(c_.chunks, [this](int i) { return read(i); });
  }

  Check check() override {
    if (const int n = bad_index_.load(std::memory_order_relaxed))
      return fail("readChunk was called " + std::to_string(n) + " times with an index outside 0.." +
                  std::to_string(c_.chunks - 1));
    for (int i = 0; i < c_.chunks; ++i) {
      const int n = calls_[i].load(std::memory_order_relaxed);
      if (n == 0) return fail("chunk " + std::to_string(i) + " was never read");
      if (n > 1)
        return fail("chunk " + std::to_string(i) + " was read " + std::to_string(n) +
                    " times; read every chunk exactly once");
    }
    const std::map<std::string, int> want = c_.expected();
    const std::map<std::string, int> got(answer_.begin(), answer_.end());
    if (got != want) {
      Failure f;
      f.reason = first_difference(want, got);
      f.expected = show(want);
      f.got = show(got);
      return f;
    }
    const int most = max_in_flight_.load(std::memory_order_relaxed);
    if (most > c_.workers)
      return fail(std::to_string(most) + " readChunk calls ran at once, but workers = " +
                  std::to_string(c_.workers) + ": use at most that many threads");
    if (!one_thread_at_a_time() && c_.chunks >= 2 && most < 2) {
      Failure f;
      f.verdict = "not_concurrent";
      f.reason =
          "readChunk was never running on two threads at once (its first call waited " +
          std::to_string(kRendezvousMs / 1000) +
          " seconds for a second one): read and count the chunks on several worker threads in "
          "parallel, without one lock held across reading and counting";
      return f;
    }
    return std::nullopt;
  }

  std::string stuck_state() const override {
    int read = 0;
    for (int i = 0; i < c_.chunks; ++i) read += calls_[i].load(std::memory_order_relaxed) > 0;
    return std::to_string(read) + " of " + std::to_string(c_.chunks) + " chunks had been read, " +
           std::to_string(in_flight_.load(std::memory_order_relaxed)) +
           " readChunk calls were running, and count() had not returned";
  }

 private:
  /// How long the first readChunk call waits for a second one: far beyond any scheduling delay
  /// of a thread that is ready to run, even on a loaded machine. Only a one-at-a-time answer
  /// ever waits that long, once per trial, and is then rejected.
  static constexpr int kRendezvousMs = 2000;
  static constexpr int kSliceMs = 20;

  /// The callback. Under real threads its first call waits (up to kRendezvousMs) for a second
  /// call to start, so a parallel answer always shows two reads in flight however loaded the
  /// machine is, and a one-at-a-time answer never does. Only relaxed atomics are touched on the
  /// common path, so the recording adds no happens-before edge between the solution's threads.
  std::string read(int i) {
    note_progress();
    const int now = in_flight_.fetch_add(1, std::memory_order_relaxed) + 1;
    int most = max_in_flight_.load(std::memory_order_relaxed);
    while (now > most &&
           !max_in_flight_.compare_exchange_weak(most, now, std::memory_order_relaxed)) {
    }
    if (!one_thread_at_a_time()) {
      if (now >= 2 && !overlapped_.load(std::memory_order_relaxed)) {
        std::lock_guard<std::mutex> lock(rendezvous_m_);
        overlapped_.store(true, std::memory_order_relaxed);
        rendezvous_.notify_all();
      }
      if (!first_call_.exchange(true, std::memory_order_relaxed)) {
        // In slices, each noted as progress: the wait is the driver's, not a stuck solution.
        std::unique_lock<std::mutex> lock(rendezvous_m_);
        for (int waited = 0; waited < kRendezvousMs; waited += kSliceMs) {
          if (rendezvous_.wait_for(lock, std::chrono::milliseconds(kSliceMs),
                                   [this] { return overlapped_.load(std::memory_order_relaxed); }))
            break;
          note_progress();
        }
      }
    }
    std::string text;
    if (i < 0 || i >= c_.chunks) {
      bad_index_.fetch_add(1, std::memory_order_relaxed);
    } else {
      calls_[i].fetch_add(1, std::memory_order_relaxed);
      text = texts_[i];
    }
    in_flight_.fetch_sub(1, std::memory_order_relaxed);
    note_progress();
    return text;
  }

  static std::string first_difference(const std::map<std::string, int>& want,
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

  static std::string show(const std::map<std::string, int>& counts) {
    std::string s = "{";
    for (const auto& [word, n] : counts)
      s += (s.size() > 1 ? ", " : "") + word + ": " + std::to_string(n);
    return s + "}";
  }

  static Check fail(std::string reason) {
    Failure f;
    f.reason = std::move(reason);
    return f;
  }

  const WordCase& c_;
  std::vector<std::string> texts_;
  std::unique_ptr<std::atomic<int>[]> calls_;  // readChunk calls per chunk
  std::atomic<int> bad_index_{0};
  std::atomic<int> in_flight_{0}, max_in_flight_{0};
  std::atomic<bool> first_call_{false}, overlapped_{false};
  std::mutex rendezvous_m_;  // with rendezvous_: the first call's wait for a second one
  std::condition_variable rendezvous_;
  std::unordered_map<std::string, int> answer_;  // written by the actor, read by check()
};

class WordFrequencyProblem final : public Problem {
 public:
  std::string slug() const override { return "word-frequency"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : word_cases()) cases.push_back({c.input(), 1, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<WordTrial>(find(c));
  }
  std::string actor_name(const Case&, int) const override { return "count()"; }
  bool solution_starts_threads() const override { return true; }

 private:
  static const WordCase& find(const Case& c) {
    for (const auto& q : word_cases())
      if (q.input() == c.input) return q;
    return word_cases().front();
  }
};

CJ_PROBLEM(WordFrequencyProblem);

}  // namespace cj::word_frequency
