// Thread pool: submitter threads hand tasks to one pool while the first of them shuts it down.
// Every task counts its own runs and returns a value that names it (some throw instead); the
// checks are the pool's contract: every task submit() accepted ran exactly once before
// shutdown() returned and its future holds the task's value or exception, a submit() that threw
// did so only once shutdown() had been called and its task never ran, and a submit() after
// shutdown() returned throws std::runtime_error. Workers left running after a trial are reported
// by the runners as a leaked thread.
#include "cj/harness.hpp"

namespace cj::thread_pool {

struct PoolCase {
  int workers;
  int submitters;  // actor 0 submits, then shuts the pool down, then submits once more
  int tasks_each;

  std::string input() const {
    return "threads = " + std::to_string(workers) + ", " + std::to_string(submitters) +
           (submitters == 1 ? " submitter of " : " submitters of ") + std::to_string(tasks_each) +
           (tasks_each == 1 ? " task" : " tasks") + (submitters == 1 ? "" : " each") +
           (tasks_each >= 3 ? " (every third task throws)" : "") +
           "; submitter 1 calls shutdown() after its submits" +
           (submitters > 1 ? ", while the others may still be submitting" : "");
  }
  /// Task j of submitter a returns this (or throws, for j % 3 == 2).
  static int value(int a, int j) { return (a + 1) * 100 + j + 1; }
  static bool throws(int j) { return j % 3 == 2; }
  static std::string name(int a, int j) { return "task " + std::to_string(value(a, j)); }
};

inline const std::vector<PoolCase>& pool_cases() {
  static const std::vector<PoolCase> cases = {
      {2, 3, 1}, {1, 1, 4}, {1, 3, 1}, {2, 2, 3}, {3, 3, 1}, {3, 2, 4}, {2, 1, 6},
  };
  return cases;
}

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

  Check check() override {
    const Slot& late = slot(0, c_.tasks_each);
    if (late.accepted)
      return fail(
          "submit() after shutdown() had returned was accepted; it must throw "
          "std::runtime_error");
    if (!late.error.empty())
      return fail("submit() after shutdown() threw " + late.error +
                  "; it must throw std::runtime_error");
    if (late.finished.load(std::memory_order_relaxed))
      return fail(
          "the task given to submit() after shutdown() ran; a pool that was shut down "
          "must not run new tasks");
    for (int a = 0; a < c_.submitters; ++a) {
      for (int j = 0; j < c_.tasks_each; ++j) {
        const Slot& s = slot(a, j);
        const std::string task = PoolCase::name(a, j);
        const int runs = s.runs.load(std::memory_order_relaxed);
        if (!s.error.empty())
          return fail("submit() of " + task + " threw " + s.error +
                      "; it may only throw std::runtime_error, once shutdown() was called");
        if (!s.accepted) {
          if (s.returned < shutdown_called_)
            return fail("submit() of " + task +
                        " threw before shutdown() was called; a running pool must accept tasks");
          if (runs) return fail(task + " ran although submit() threw for it");
          continue;
        }
        if (runs > 1)
          return fail(task + " ran " + std::to_string(runs) +
                      " times; every accepted task must run exactly once");
        if (!s.done_by_shutdown)
          return fail(task + " was accepted by submit() but had not " +
                      (runs ? "finished" : "run") +
                      " when shutdown() returned; shutdown() must wait for every accepted task");
        if (Check f = check_future(a, j)) return f;
      }
    }
    return std::nullopt;
  }

  std::string stuck_state() const override {
    std::string s;
    for (int a = 0; a < c_.submitters; ++a) {
      const int p = phase_[a].load(std::memory_order_relaxed);
      if (p == kDone) continue;
      s += (s.empty() ? "" : ", ") + std::string("submitter ") + std::to_string(a + 1) +
           (p == kInShutdown ? " is inside shutdown()" : " is inside submit()");
    }
    return s;
  }

 private:
  static constexpr int kSubmitting = 0, kInShutdown = 1, kDone = 2;

  struct Slot {
    std::atomic<int> runs{0};
    std::atomic<int> finished{0};  // the task body returned or threw
    bool accepted = false;         // submit() returned a future (written by the submitter)
    std::string error;             // submit() threw something other than runtime_error
    std::uint64_t returned = 0;    // clock when submit() returned or threw
    int done_by_shutdown = 0;      // finished, as seen right after shutdown() returned
  };

  Slot& slot(int a, int j) { return slots_[static_cast<std::size_t>(a * (c_.tasks_each + 1) + j)]; }

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

  Check check_future(int a, int j) {
    std::future<int>& f = futures_[a][static_cast<std::size_t>(j)];
    const std::string task = PoolCase::name(a, j);
    if (!f.valid()) return fail("submit() of " + task + " returned a future with no shared state");
    if (f.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
      return fail("the future of " + task +
                  " was not ready after shutdown() returned, although the task had run");
    try {
      const int v = f.get();
      if (PoolCase::throws(j))
        return fail("the future of " + task + " returned " + std::to_string(v) +
                    ", but the task threw: its exception must come out of future.get()");
      if (v != PoolCase::value(a, j))
        return fail("the future of " + task + " returned " + std::to_string(v) +
                    " instead of the task's result " + std::to_string(PoolCase::value(a, j)));
    } catch (const std::future_error& e) {
      return fail("the future of " + task + " holds a std::future_error (" + e.what() +
                  ") instead of the task's " + (PoolCase::throws(j) ? "exception" : "result"));
    } catch (const std::exception& e) {
      if (!PoolCase::throws(j))
        return fail("the future of " + task + " threw \"" + e.what() +
                    "\", but the task returned " + std::to_string(PoolCase::value(a, j)));
      if (std::string(e.what()) != task + " failed")
        return fail("the future of " + task + " threw \"" + e.what() +
                    "\" instead of the task's own exception \"" + task + " failed\"");
    }
    return std::nullopt;
  }

  static Check fail(std::string reason) {
    Failure f;
    f.reason = std::move(reason);
    return f;
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
