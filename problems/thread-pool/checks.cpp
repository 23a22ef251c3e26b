// The compiled-once part of the Thread pool driver (checks.hpp).
#include "checks.hpp"

#include <chrono>
#include <exception>
#include <utility>

namespace cj::thread_pool {

namespace {

Check fail(std::string reason) {
  Failure f;
  f.reason = std::move(reason);
  return f;
}

/// The checks of one trial's slots and futures.
class PoolCheck {
 public:
  PoolCheck(const PoolCase& c, const std::vector<Slot>& slots,
            std::vector<std::vector<std::future<int>>>& futures, std::uint64_t shutdown_called)
      : c_(c), slots_(slots), futures_(futures), shutdown_called_(shutdown_called) {}

  Check check() {
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

 private:
  const Slot& slot(int a, int j) const { return slots_[c_.slot(a, j)]; }

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

  const PoolCase& c_;
  const std::vector<Slot>& slots_;
  std::vector<std::vector<std::future<int>>>& futures_;
  std::uint64_t shutdown_called_;
};

}  // namespace

std::string PoolCase::input() const {
  return "threads = " + std::to_string(workers) + ", " + std::to_string(submitters) +
         (submitters == 1 ? " submitter of " : " submitters of ") + std::to_string(tasks_each) +
         (tasks_each == 1 ? " task" : " tasks") + (submitters == 1 ? "" : " each") +
         (tasks_each >= 3 ? " (every third task throws)" : "") +
         "; submitter 1 calls shutdown() after its submits" +
         (submitters > 1 ? ", while the others may still be submitting" : "");
}

const std::vector<PoolCase>& pool_cases() {
  static const std::vector<PoolCase> cases = {
      {2, 3, 1}, {1, 1, 4}, {1, 3, 1}, {2, 2, 3}, {3, 3, 1}, {3, 2, 4}, {2, 1, 6},
  };
  return cases;
}

Check check_pool(const PoolCase& c, const std::vector<Slot>& slots,
                 std::vector<std::vector<std::future<int>>>& futures,
                 std::uint64_t shutdown_called) {
  return PoolCheck(c, slots, futures, shutdown_called).check();
}

std::string stuck_submitters(const PoolCase& c, const std::atomic<int>* phase) {
  std::string s;
  for (int a = 0; a < c.submitters; ++a) {
    const int p = phase[a].load(std::memory_order_relaxed);
    if (p == kDone) continue;
    s += (s.empty() ? "" : ", ") + std::string("submitter ") + std::to_string(a + 1) +
         (p == kInShutdown ? " is inside shutdown()" : " is inside submit()");
  }
  return s;
}

}  // namespace cj::thread_pool
