// parallel-map: one actor builds a ParallelMap(workers), maps two inputs with the driver's f (one
// large, one small, in either order), and destroys the object. f is CPU work whose every call
// counts itself in memory shared across fork(), so that calls made in a child process are seen too:
// how many calls ran, how many were in flight at once (at least two for a large input, at most
// `workers`). The first call of a large map waits (up to kRendezvous, sleeping) for a second call
// to start, so that a parallel answer shows two calls at once even when a loaded machine would have
// let one worker finish before the next one ran: the evidence is an exact count, never a speed.
// After the object is destroyed the trial checks that every child process it forked was waited for.
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cj/fork_watch.hpp"
#include "cj/harness.hpp"

namespace cj::parallel_map {

/// Calls of f, counted by the calls themselves (in threads or child processes). Relaxed: the
/// counts need only the atomicity of each step, and no ordering between the solution's threads
/// may come from the driver (it would hide their data races from ThreadSanitizer).
struct CallLog {
  std::atomic<int> calls{0};
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  std::atomic<bool> rendezvous{false};  // this map's first call waits for a second one
  std::atomic<bool> first_taken{false};
};

/// An input this large must be mapped by at least two calls at once; a smaller one may be
/// mapped on one thread (forking or starting threads would cost more than the work).
constexpr std::size_t kParallelFrom = 1000;
/// How long the first call of a large map waits for a second call to start. Generous: under
/// ThreadSanitizer on a loaded machine a thread or child took more than 300 ms to start its
/// first call. The wait counts as progress, so the stall detector does not take it for a hang.
constexpr auto kRendezvous = std::chrono::milliseconds(3000);
/// Rounds of mixing per call: about a microsecond of CPU.
constexpr int kRounds = 200;

/// The work: deterministic, CPU only, the same in every process.
inline long work(int x) {
  std::uint64_t h = static_cast<std::uint64_t>(static_cast<std::int64_t>(x));
  for (int i = 0; i < kRounds; ++i) {
    h += 0x9e3779b97f4a7c15ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
  }
  return static_cast<long>(h >> 2) - static_cast<long>(x);
}

inline CallLog& call_log() {
  static CallLog& log = shared_across_fork<CallLog>();
  return log;
}

/// The f the solution is given.
inline long counted_work(int x) {
  CallLog& log = call_log();
  const int now = log.in_flight.fetch_add(1, std::memory_order_relaxed) + 1;
  int seen = log.max_in_flight.load(std::memory_order_relaxed);
  while (now > seen &&
         !log.max_in_flight.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
  }
  log.calls.fetch_add(1, std::memory_order_relaxed);
  if (log.rendezvous.load(std::memory_order_relaxed) &&
      !log.first_taken.exchange(true, std::memory_order_relaxed)) {
    const auto until = std::chrono::steady_clock::now() + kRendezvous;
    while (log.max_in_flight.load(std::memory_order_relaxed) < 2 &&
           std::chrono::steady_clock::now() < until) {
      const timespec nap{0, 50000};
      ::nanosleep(&nap, nullptr);
      note_progress();
    }
  }
  const long r = work(x);
  log.in_flight.fetch_sub(1, std::memory_order_relaxed);
  note_progress();
  return r;
}

struct MapCase {
  int workers = 2;
  int n = 0;  // the first input
  int m = 0;  // the second input, mapped on the same object; one of the two is large
  std::string input() const { return case_input({{"workers", workers}, {"n", n}, {"m", m}}); }
};

inline const std::vector<MapCase>& map_cases() {
  static const std::vector<MapCase> all = {
      {4, 20000, 7}, {3, 20001, 1}, {2, 10007, 3}, {8, 12345, 0}, {4, 5, 2000},
  };
  return all;
}

/// A fixed input of n ints, negatives included, the same for every trial of a case.
inline std::vector<int> make_input(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(-1000000, 1000000);
  std::vector<int> in(static_cast<std::size_t>(n));
  for (auto& x : in) x = d(rng);
  return in;
}

/// What one map call saw.
struct MapCall {
  std::vector<int> in;
  std::vector<long> want;  // the sequential map
  std::vector<long> out;
  int calls = 0;
  int max_in_flight = 0;
};

class MapTrial final : public Trial {
 public:
  /// in[k] and want[k]: the input of map call k and its sequential map.
  MapTrial(const MapCase& c, const std::vector<int> (&in)[2], const std::vector<long> (&want)[2])
      : c_(c) {
    for (int k = 0; k < 2; ++k) {
      calls_[k].in = in[k];
      calls_[k].want = want[k];
    }
  }

  void run(int) override {
    ForkWatch::get().begin();
    {
      ::ParallelMap pm(c_.workers);
      for (auto& call : calls_) {
        CallLog& log = call_log();
        log.calls = 0;
        log.in_flight = 0;
        log.max_in_flight = 0;
        log.first_taken = false;
        log.rendezvous = call.in.size() >= kParallelFrom && c_.workers >= 2;
        call.out = pm.map(call.in, counted_work);
        call.calls = log.calls.load();
        call.max_in_flight = log.max_in_flight.load();
        log.rendezvous = false;
      }
    }
    left_behind_ = ForkWatch::get().first_unreaped();
  }

  Check check() override {
    if (!left_behind_.empty())
      return Failure{"leaked_thread",
                     left_behind_ +
                         " after the ParallelMap was destroyed: waitpid every child you fork "
                         "(a child that has exited stays a zombie until it is waited for)",
                     "", ""};
    for (std::size_t k = 0; k < 2; ++k) {
      const MapCall& call = calls_[k];
      const std::string which = k == 0 ? "the first map (n = " + std::to_string(c_.n) + ")"
                                       : "the second map (n = " + std::to_string(c_.m) + ")";
      if (call.out.size() != call.in.size())
        return Failure{"wrong_answer",
                       which + " returned " + std::to_string(call.out.size()) + " results for " +
                           std::to_string(call.in.size()) + " elements",
                       std::to_string(call.in.size()) + " results",
                       std::to_string(call.out.size()) + " results"};
      for (std::size_t i = 0; i < call.in.size(); ++i) {
        const long want = call.want[i];
        if (call.out[i] != want)
          return Failure{"wrong_answer",
                         which + ": result[" + std::to_string(i) + "] is not f(in[" +
                             std::to_string(i) +
                             "]) (check the ends of each worker's share of "
                             "the input)",
                         std::to_string(want), std::to_string(call.out[i])};
      }
      if (call.calls != static_cast<int>(call.in.size()))
        return Failure{
            "wrong_answer",
            which + " called f " + std::to_string(call.calls) + " times for " +
                std::to_string(call.in.size()) + " elements: call f exactly once per element",
            std::to_string(call.in.size()) + " calls", std::to_string(call.calls) + " calls"};
      if (call.max_in_flight > c_.workers)
        return Failure{
            "wrong_answer",
            which + " had " + std::to_string(call.max_in_flight) +
                " calls of f running at once with workers = " + std::to_string(c_.workers) +
                ": use at most `workers` threads or "
                "processes for the work",
            "at most " + std::to_string(c_.workers), std::to_string(call.max_in_flight)};
      if (call.in.size() >= kParallelFrom && c_.workers >= 2 && call.max_in_flight < 2)
        return Failure{"not_concurrent",
                       which +
                           " never had two calls of f running at once (the first call "
                           "waited " +
                           std::to_string(kRendezvous.count() / 1000) +
                           " s for a second one): a CPU-bound map is only faster when its "
                           "work runs in several threads or processes side by side",
                       "at least 2 calls at once", "1"};
    }
    return std::nullopt;
  }

 private:
  const MapCase& c_;
  MapCall calls_[2];
  std::string left_behind_;
};

class ParallelMapProblem final : public Problem {
 public:
  ParallelMapProblem() {
    // ThreadSanitizer's background thread starts with the first thread; start it before the
    // runner counts this process's threads. The shared memory and the fork handler too.
    std::thread([] {}).join();
    (void)call_log();
    (void)ForkWatch::get();
    for (std::size_t k = 0; k < map_cases().size(); ++k) {
      const MapCase& c = map_cases()[k];
      Inputs& in = inputs_.emplace_back();
      in.in[0] = make_input(c.n, 1000 + static_cast<unsigned>(k));
      in.in[1] = make_input(c.m, 2000 + static_cast<unsigned>(k));
      for (int j = 0; j < 2; ++j)
        for (int x : in.in[j]) in.want[j].push_back(work(x));
    }
  }
  std::string slug() const override { return "parallel-map"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : map_cases()) out.push_back({c.input(), 1, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    std::size_t k = 0;
    while (k + 1 < map_cases().size() && map_cases()[k].input() != c.input) ++k;
    return std::make_unique<MapTrial>(map_cases()[k], inputs_[k].in, inputs_[k].want);
  }
  std::string actor_name(const Case&, int) const override { return "map()"; }
  bool solution_starts_threads() const override { return true; }
  bool needs_real_parallelism() const override { return true; }

 private:
  struct Inputs {
    std::vector<int> in[2];
    std::vector<long> want[2];
  };
  std::vector<Inputs> inputs_;
};

CJ_PROBLEM(ParallelMapProblem);

}  // namespace cj::parallel_map
