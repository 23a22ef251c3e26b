// Reusable Barrier (The Little Book of Semaphores, 3.7): n threads share one ReusableBarrier and
// each calls wait() once per round, for k rounds. The driver counts arrivals per round: a thread
// that returns from wait() in round r must find all n threads counted as arrived at round r. That
// one check catches both classic slips, leaving before the others arrived and lapping (a fast
// thread passing a turnstile still open from the round before), because each round has its own
// count and a thread's rounds come one after another.
#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cj/harness.hpp"

namespace cj::reusable_barrier {

inline std::string thread_name(int t) { return "thread " + std::to_string(t + 1); }

class BarrierTrial final : public Trial {
 public:
  BarrierTrial(int n, int rounds)
      : n_(n),
        rounds_(rounds),
        barrier_(n),
        arrived_(std::make_unique<std::atomic<int>[]>(rounds)),
        left_(std::make_unique<std::atomic<int>[]>(rounds)),
        round_of_(std::make_unique<std::atomic<int>[]>(n)) {
    for (int r = 0; r < rounds; ++r) {
      arrived_[r].store(0, std::memory_order_relaxed);
      left_[r].store(0, std::memory_order_relaxed);
    }
    for (int t = 0; t < n; ++t) round_of_[t].store(0, std::memory_order_relaxed);
  }

  void run(int t) override {
    for (int r = 0; r < rounds_; ++r) {
      // Relaxed: the counts must not order the threads for the solution (nor hide its races).
      // A correct barrier makes every arrival of round r happen before any return from it, so
      // the load below sees all n of them.
      round_of_[t].store(r + 1, std::memory_order_relaxed);
      arrived_[r].fetch_add(1, std::memory_order_relaxed);
      note_progress();
      barrier_.wait();
      left_[r].fetch_add(1, std::memory_order_relaxed);
      note_progress();
      const int seen = arrived_[r].load(std::memory_order_relaxed);
      if (seen < n_) {
        failures_.fail(thread_name(t) + " returned from wait() in round " + std::to_string(r + 1) +
                       " when only " + std::to_string(seen) + " of the " + std::to_string(n_) +
                       " threads had arrived at that round: nobody leaves a round before all n "
                       "threads have arrived at it");
      }
    }
    round_of_[t].store(rounds_ + 1, std::memory_order_relaxed);
  }

  Check check() override { return failures_.get(); }
  Check failure_so_far() const override { return failures_.so_far(); }

  /// Which round each thread is in: "thread 0 waits in round 3, thread 1 has finished, ...".
  std::string stuck_state() const override {
    std::string s;
    for (int t = 0; t < n_; ++t) {
      const int r = round_of_[t].load(std::memory_order_relaxed);
      s += (t ? "; " : "") + thread_name(t) +
           (r > rounds_ ? " had finished all " + std::to_string(rounds_) + " rounds"
                        : " was in round " + std::to_string(r));
    }
    for (int r = 0; r < rounds_; ++r) {
      const int a = arrived_[r].load(std::memory_order_relaxed);
      const int l = left_[r].load(std::memory_order_relaxed);
      if (l == n_) continue;
      const std::string round = " round " + std::to_string(r + 1);
      if (a < n_)
        return s + "; " + std::to_string(a) + " of " + std::to_string(n_) +
               " threads had arrived at" + round;
      return s + "; all " + std::to_string(n_) + " threads had arrived at" + round + " but only " +
             std::to_string(l) + " had left it";
    }
    return s;
  }

 private:
  const int n_, rounds_;
  ::ReusableBarrier barrier_;
  FirstFailure failures_;
  std::unique_ptr<std::atomic<int>[]> arrived_;   // arrived_[r]: threads that arrived at round r+1
  std::unique_ptr<std::atomic<int>[]> left_;      // left_[r]: threads that returned from it
  std::unique_ptr<std::atomic<int>[]> round_of_;  // for reports: the round a thread is in
};

class ReusableBarrierProblem final : public Problem {
 public:
  std::string slug() const override { return "reusable-barrier"; }
  std::vector<Case> cases() const override { return table().cases(); }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<BarrierTrial>(table().param(c, "n"), table().param(c, "rounds"));
  }
  std::string actor_name(const Case&, int) const override { return "wait()"; }

 private:
  static const NamedCases& table() {
    static const NamedCases t = [] {
      NamedCases t;
      for (auto [n, rounds] :
           {std::pair{1, 3}, {2, 2}, {2, 6}, {3, 3}, {3, 8}, {4, 4}, {5, 3}, {6, 5}, {8, 3}})
        t.add({{"n", n}, {"rounds", rounds}}, n);
      return t;
    }();
    return t;
  }
};

CJ_PROBLEM(ReusableBarrierProblem);

}  // namespace cj::reusable_barrier
