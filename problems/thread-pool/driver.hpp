// Thread pool: submitter threads hand tasks to one pool while the first of them shuts it down.
// Every task counts its own runs and returns a value that names it (some throw instead); the
// checks are the pool's contract: every task submit() accepted ran exactly once before
// shutdown() returned and its future holds the task's value or exception, a submit() that threw
// did so only once shutdown() had been called and its task never ran, and a submit() after
// shutdown() returned throws std::runtime_error. Workers left running after a trial are reported
// by the runners as a leaked thread.
// This file holds what needs the learner's class (the trial that calls it, and the tasks the
// pool runs); the cases and the check are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::thread_pool {

class PoolTrial final : public Trial {
 public:
  explicit PoolTrial(const PoolCase& c)
      : c_(c),
        slots_(static_cast<std::size_t>(c.submitters * (c.tasks_each + 1))),
        futures_(c.submitters),
        phase_(std::make_unique<std::atomic<int>[]>(c.submitters)) {
    for (int a = 0; a < c.submitters; ++a) phase_[a].store(0, std::memory_order_relaxed);
  }

  void run(int actor) override {
    // The pool is built by submitter 1's thread, so that a controlled scheduler sees its workers
    // start; the other submitters wait until it exists, as they would for any shared object.
    if (actor == 0) {
      pool_.emplace(c_.workers);
      built_.store(true, std::memory_order_release);
      built_.notify_all();
    } else {
      while (!built_.load(std::memory_order_acquire)) built_.wait(false, std::memory_order_acquire);
    }
    for (int j = 0; j < c_.tasks_each; ++j) submit(actor, j);
    if (actor != 0) {
      phase_[actor].store(kDone, std::memory_order_relaxed);
      return;
    }
    phase_[0].store(kInShutdown, std::memory_order_relaxed);
    shutdown_called_ = clock_.fetch_add(1, std::memory_order_relaxed);
    pool_->shutdown();
    note_progress();
    for (auto& s : slots_) s.done_by_shutdown = s.finished.load(std::memory_order_acquire);
    // One more submit after shutdown() returned: it must throw.
    submit(0, c_.tasks_each);
    phase_[0].store(kDone, std::memory_order_relaxed);
  }

  Check check() override { return check_pool(c_, slots_, futures_, shutdown_called_); }

  std::string stuck_state() const override { return stuck_submitters(c_, phase_.get()); }

 private:
  Slot& slot(int a, int j) { return slots_[c_.slot(a, j)]; }

  void submit(int a, int j) {
    Slot& s = slot(a, j);
    std::function<int()> task = [&s, a, j] {
      s.runs.fetch_add(1, std::memory_order_relaxed);
      note_progress();
      s.finished.store(1, std::memory_order_release);
      if (PoolCase::throws(j)) throw std::runtime_error(PoolCase::name(a, j) + " failed");
      return PoolCase::value(a, j);
    };
    try {
      futures_[a].push_back(pool_->submit(std::move(task)));
      s.accepted = true;
    } catch (const std::runtime_error&) {
      futures_[a].emplace_back();
    } catch (const std::exception& e) {
      s.error = std::string("an exception other than std::runtime_error (") + e.what() + ")";
      futures_[a].emplace_back();
    } catch (...) {
      s.error = "something that is not a std::exception";
      futures_[a].emplace_back();
    }
    s.returned = clock_.fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  const PoolCase& c_;
  std::optional<::ThreadPool> pool_;  // built by submitter 1 (see run)
  std::atomic<bool> built_{false};
  std::vector<Slot> slots_;
  std::vector<std::vector<std::future<int>>> futures_;  // futures_[a]: written by submitter a
  std::unique_ptr<std::atomic<int>[]> phase_;           // for stuck reports
  std::atomic<std::uint64_t> clock_{0};         // one order of submit returns and shutdown's call
  std::uint64_t shutdown_called_ = UINT64_MAX;  // clock when shutdown() was called
};

class ThreadPoolProblem final : public Problem {
 public:
  std::string slug() const override { return "thread-pool"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : pool_cases()) cases.push_back({c.input(), c.submitters, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<PoolTrial>(find(c));
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == 0 ? "submit() then shutdown()" : "submit()";
  }
  bool solution_starts_threads() const override { return true; }

 private:
  static const PoolCase& find(const Case& c) {
    for (const auto& q : pool_cases())
      if (q.input() == c.input) return q;
    return pool_cases().front();
  }
};

CJ_PROBLEM(ThreadPoolProblem);

}  // namespace cj::thread_pool
