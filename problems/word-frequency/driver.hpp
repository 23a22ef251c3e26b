// Word frequency: count the words of many text chunks with k worker threads. The driver hands
// the solution readChunk(i), the slow part (like reading a file), and records which chunks were
// read and how many reads were running at once. The counts must equal a sequential count; the
// answer must read chunks on several threads at the same time (the overlap of readChunk calls,
// not a speed-up, so a loaded machine cannot make a parallel answer look sequential), and never
// more than k at once. An unlocked shared map is left to the ThreadSanitizer run.
// This file holds what needs the learner's class (the trial that calls it, and the readChunk
// callback its threads call); the cases and the check are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::word_frequency {

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
    return check_answer(c_, calls_.get(), bad_index_, max_in_flight_, answer_);
  }

  std::string stuck_state() const override { return stuck_reads(c_, calls_.get(), in_flight_); }

 private:
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
