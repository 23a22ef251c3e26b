#include "stress_runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "stuck_report.hpp"
#include "thread_probe.hpp"

namespace cj {
namespace {

using Clock = std::chrono::steady_clock;

inline void spin(unsigned n) {
  for (unsigned i = 0; i < n; ++i) __builtin_ia32_pause();
}

/// A tiny generator for per-trial jitter; std::mt19937 is too slow for the inner loop.
struct SplitMix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

struct Batch {
  const Case* c = nullptr;
  std::vector<std::unique_ptr<Trial>> trials;
  std::vector<unsigned> head_start;  // pause instructions before each actor's sweep
  unsigned jitter = 0;               // max pauses before each call; 0 for none
  std::uint64_t jitter_seed = 0;
  std::vector<std::string> errors;  // [trial * actors + actor], written only by that actor
  /// The first slot of `errors` written, published after the write: a stalled batch can be
  /// explained by an actor's exception without reading slots still being written.
  std::atomic<int> first_error{-1};
};

class WorkerPool {
 public:
  explicit WorkerPool(int workers) : slots_(std::make_unique<ActorSlot[]>(workers)) {
    for (int w = 0; w < workers; ++w) threads_.emplace_back([this, w] { work(w); });
    for (int w = 0; w < workers; ++w)
      while (slots_[w].tid.load() == 0) std::this_thread::yield();
    size_ = workers;
  }

  /// Joins the workers; only called when every one of them is idle.
  ~WorkerPool() {
    stop_.store(true);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void start(Batch* batch) {
    batch_ = batch;
    pending_.store(size_, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_all();
  }

  /// Waits for the batch; false when nothing progressed for stall_s seconds while the program
  /// either could not run at all (no thread runnable: blocked for good) or ran: used half of
  /// stall_s in CPU time. On a loaded machine the threads of a sound program can sit runnable
  /// without a CPU for longer than stall_s; that is not a stall, and it is waited out.
  bool wait(double stall_s) {
    std::unique_lock<std::mutex> lock(m_);
    auto last = progress_count();
    auto since = Clock::now();
    double cpu_since = process_cpu_seconds();
    while (!done_cv_.wait_for(lock, std::chrono::milliseconds(20),
                              [&] { return pending_.load(std::memory_order_acquire) == 0; })) {
      auto now_progress = progress_count();
      if (now_progress != last) {
        last = now_progress;
        since = Clock::now();
        cpu_since = process_cpu_seconds();
      } else if (std::chrono::duration<double>(Clock::now() - since).count() > stall_s &&
                 (process_cpu_seconds() - cpu_since >= stall_s / 2 || !another_thread_runnable())) {
        return false;
      }
    }
    return true;
  }

  std::vector<StuckActor> stuck_actors(const Batch& batch) const {
    std::vector<StuckActor> stuck;
    for (int w = 0; w < batch.c->actors; ++w) {
      int trial = slots_[w].trial.load();
      if (trial >= 0) stuck.push_back({w, trial, slots_[w].tid.load(), false});
    }
    return stuck;
  }

 private:
  struct ActorSlot {
    std::atomic<int> trial{-1};  // the trial this worker is inside, -1 between calls
    std::atomic<pid_t> tid{0};
  };

  void work(int me) {
    slots_[me].tid.store(current_tid());
    std::uint64_t seen = 0;
    for (;;) {
      generation_.wait(seen, std::memory_order_acquire);
      seen = generation_.load(std::memory_order_acquire);
      if (stop_.load()) return;
      Batch& b = *batch_;
      if (me < b.c->actors) sweep(me, b);
      if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> lock(m_);
        done_cv_.notify_one();
      }
    }
  }

  void sweep(int me, Batch& b) {
    spin(b.head_start[me]);
    SplitMix jitter{b.jitter_seed + static_cast<std::uint64_t>(me) * 7919};
    const int actors = b.c->actors;
    for (std::size_t t = 0; t < b.trials.size(); ++t) {
      if (b.jitter) spin(static_cast<unsigned>(jitter.next() % b.jitter));
      slots_[me].trial.store(static_cast<int>(t), std::memory_order_relaxed);
      const int slot = static_cast<int>(t) * actors + me;
      try {
        b.trials[t]->run(me);
      } catch (const std::exception& e) {
        b.errors[slot] = std::string("an exception escaped: ") + e.what();
      } catch (...) {
        b.errors[slot] = "an exception that is not a std::exception escaped";
      }
      if (!b.errors[slot].empty()) {
        int none = -1;
        b.first_error.compare_exchange_strong(none, slot, std::memory_order_release);
      }
      slots_[me].trial.store(-1, std::memory_order_relaxed);
      note_progress();
    }
  }

  std::vector<std::thread> threads_;
  std::unique_ptr<ActorSlot[]> slots_;
  int size_ = 0;
  Batch* batch_ = nullptr;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<int> pending_{0};
  std::atomic<bool> stop_{false};
  std::mutex m_;  // guards the hand-off of "batch done" to the waiting main thread
  std::condition_variable done_cv_;
};

/// How the workers of one batch start: together, staggered in the case's start order, or with
/// random head starts; with or without per-trial jitter.
void plan_start(Batch& b, std::mt19937_64& rng) {
  const int actors = b.c->actors;
  b.head_start.assign(actors, 0);
  std::uniform_int_distribution<int> style(0, 3);
  switch (style(rng)) {
    case 0:  // all at once
      break;
    case 1:  // staggered in start order (LeetCode's input), else a random order
    {
      std::vector<int> order = b.c->start_order;
      if (order.empty()) {
        for (int a = 0; a < actors; ++a) order.push_back(a);
        std::shuffle(order.begin(), order.end(), rng);
      }
      unsigned step = std::uniform_int_distribution<unsigned>(50, 2000)(rng);
      for (std::size_t k = 0; k < order.size(); ++k)
        if (order[k] < actors) b.head_start[order[k]] = static_cast<unsigned>(k) * step;
      break;
    }
    default:  // random head starts, short or long
    {
      unsigned most = style(rng) == 2 ? 200 : 5000;
      for (auto& h : b.head_start) h = std::uniform_int_distribution<unsigned>(0, most)(rng);
    }
  }
  b.jitter = std::bernoulli_distribution(0.5)(rng)
                 ? 0
                 : 1u << std::uniform_int_distribution<int>(2, 8)(rng);
  b.jitter_seed = rng();
}

std::string ordinal_case(const Case& c) { return c.input.empty() ? "(no input)" : c.input; }

}  // namespace

Outcome run_stress(const Problem& problem, const RunOptions& options) {
  // Stuck workers keep pointing into the cases after a stall: like the pool, they are then
  // leaked rather than destroyed under them.
  auto cases_owner = std::make_unique<const std::vector<Case>>(numbered_cases(problem));
  const std::vector<Case>& cases = *cases_owner;
  Outcome out;
  if (cases.empty()) {
    out.verdict = "internal_error";
    out.reason = "the problem has no test cases";
    return out;
  }
  int workers = 0;
  for (const auto& c : cases) workers = std::max(workers, c.actors);
  // On a stall the workers cannot be joined and their trials must stay alive: the pool and the
  // batch are then leaked, and the caller reports and ends the process.
  auto pool = std::make_unique<WorkerPool>(workers);
  // Every thread alive now is the harness's (or a sanitizer's); any more after a batch were
  // started by the solution and not joined.
  const int baseline_threads = thread_count();

  std::mt19937_64 rng(options.seed);
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  // Trials of different cases can differ in cost by orders of magnitude (n = 1 vs n = 1000), so
  // each case keeps its own batch size.
  std::vector<std::size_t> batch_sizes(cases.size(), 4);
  for (std::size_t round = 0;; ++round) {
    // Every case once in order first, then random cases until the budget is spent.
    if (round >= cases.size() && elapsed() >= options.budget_s) break;
    const std::size_t case_index = round < cases.size() ? round : rng() % cases.size();
    const Case& c = cases[case_index];
    std::size_t& batch_size = batch_sizes[case_index];
    auto owned_batch = std::make_unique<Batch>();
    Batch& batch = *owned_batch;
    batch.c = &c;
    for (std::size_t t = 0; t < batch_size; ++t) batch.trials.push_back(problem.make(c));
    batch.errors.assign(batch_size * c.actors, {});
    plan_start(batch, rng);

    const auto batch_start = Clock::now();
    pool->start(&batch);
    if (!pool->wait(options.stall_s)) {
      // Stuck workers still use the pool, the batch and the cases: leak them all.
      WorkerPool* const stuck_pool = pool.release();
      (void)owned_batch.release();
      (void)cases_owner.release();
      // An actor that threw leaves its partners waiting: the exception is the cause to report.
      if (int slot = batch.first_error.load(std::memory_order_acquire); slot >= 0) {
        out.verdict = "runtime_error";
        out.reason = problem.actor_name(c, slot % c.actors) + ": " + batch.errors[slot];
        out.input = ordinal_case(c);
        return out;
      }
      // Workers sweep their trials in order, so the earliest trial anyone is stuck in is the
      // one that blocks: threads inside later trials only wait for partners stuck before them.
      auto stuck_actors = stuck_pool->stuck_actors(batch);
      std::string state;
      if (!stuck_actors.empty()) {
        int first = stuck_actors.front().trial;
        for (const auto& s : stuck_actors) first = std::min(first, s.trial);
        std::erase_if(stuck_actors, [first](const StuckActor& s) { return s.trial != first; });
        state = batch.trials[first]->stuck_state();
        // A wrong step already seen in a trial up to the stuck one: the stall is its consequence.
        for (int t = 0; t <= first; ++t) {
          if (Check failure = batch.trials[t]->failure_so_far()) {
            out.verdict = failure->verdict;
            out.reason = failure->reason;
            out.expected = failure->expected;
            out.got = failure->got;
            out.input = ordinal_case(c);
            return out;
          }
        }
      }
      Outcome stuck = describe_stuck(problem, c, std::move(stuck_actors), options.stall_s, state);
      stuck.trials = out.trials;
      return stuck;
    }
    const double batch_s = std::chrono::duration<double>(Clock::now() - batch_start).count();
    for (std::size_t t = 0; t < batch.trials.size(); ++t) {
      ++out.trials;
      for (int a = 0; a < c.actors; ++a) {
        const std::string& error = batch.errors[t * c.actors + a];
        if (!error.empty()) {
          out.verdict = "runtime_error";
          out.reason = problem.actor_name(c, a) + ": " + error;
          out.input = ordinal_case(c);
          return out;
        }
      }
      if (Check failure = batch.trials[t]->check()) {
        out.verdict = failure->verdict;
        out.reason = failure->reason;
        out.expected = failure->expected;
        out.got = failure->got;
        if (!failure->finding.empty()) out.findings.push_back({failure->finding, failure->reason});
        out.input = ordinal_case(c);
        return out;
      }
    }
    if (Outcome leak = check_leaked_threads(baseline_threads); leak.verdict != Verdict::accepted) {
      leak.trials = out.trials;
      leak.input = ordinal_case(c);
      return leak;
    }
    if (batch_s < 0.002 && batch_size < 256) batch_size *= 2;
    if (batch_s > 0.05 && batch_size > 1) batch_size /= 2;
  }
  return out;
}

Outcome run_fresh_threads(const Problem& problem, const RunOptions& options) {
  const std::vector<Case> cases = numbered_cases(problem);
  Outcome out;
  std::mt19937_64 rng(options.seed);
  const auto start = Clock::now();
  while (std::chrono::duration<double>(Clock::now() - start).count() < options.budget_s) {
    const Case& c = cases[rng() % cases.size()];
    auto trial = problem.make(c);
    std::vector<std::thread> threads;
    for (int a = 0; a < c.actors; ++a) threads.emplace_back([&trial, a] { trial->run(a); });
    for (auto& t : threads) t.join();
    ++out.trials;
    if (Check failure = trial->check()) {
      out.verdict = failure->verdict;
      out.reason = failure->reason;
      if (!failure->finding.empty()) out.findings.push_back({failure->finding, failure->reason});
      out.input = c.input;
      return out;
    }
  }
  return out;
}

CJ_RUNNER(Mode::stress, run_stress);
namespace {
const bool fresh_registered = (register_runner(Mode::fresh, run_fresh_threads), true);
}

}  // namespace cj
