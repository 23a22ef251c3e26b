// Request Coalescing (Go's singleflight): callers ask one RequestCoalescer for keys in bursts, and
// the loader it was built with takes a while per call and sometimes throws. Every get() and every
// load is recorded with its invocation and response in one order of events (cj/history.hpp); the
// checker then establishes the properties that matter: never two loads of one key at once, every
// get() answered by a load of its key that was still in flight (or just finished, its burst not
// yet over) while that get() ran, and a failed load's exception delivered to each of its callers.
// This file holds what needs the learner's class (the trial that calls it, its loader); the cases,
// the check of the history and the stall text are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"
#include "cj/tsan.hpp"

namespace cj::request_coalescing {

/// The actor whose thread is running; the loader records its load on that actor's log.
inline thread_local int t_actor = -1;

class CoalesceTrial final : public Trial {
 public:
  explicit CoalesceTrial(const CoalesceCase& c)
      : c_(c),
        history_(c.callers + 1, 4 * c.bursts + 8),
        unknown_(c.callers),
        loads_(std::make_unique<std::atomic<int>[]>(c.keys + 1)),
        coalescer_([this](int key) { return load(key); }) {
    for (int k = 0; k <= c.keys; ++k) loads_[k].store(0, std::memory_order_relaxed);
  }

  void run(int actor) override {
    t_actor = actor;
    for (int b = 0; b < c_.bursts; ++b) {
      if (b) std::this_thread::sleep_for(std::chrono::microseconds(c_.gap_us));
      const int key = c_.key(actor, b);
      const auto slot = history_.begin(actor, kGet, key);
      long long result = 0;
      try {
        result = coalescer_.get(key);
      } catch (const std::exception& e) {
        const UnseenReads unseen;  // the exception may be freed by another caller (tsan.hpp)
        result = -exception_code(key, e.what());
        if (result == -kUnknownError && unknown_[actor].empty()) unknown_[actor] = e.what();
      } catch (...) {
        result = -kNotStdException;
      }
      history_.end(actor, slot, result);
    }
    t_actor = -1;
  }

  Check check() override {
    return check_trial(foreign_loads_.load(std::memory_order_relaxed), history_, unknown_);
  }

  std::string stuck_state() const override { return stuck_calls(c_, history_); }

 private:
  /// The loader handed to the solution: takes load_us, returns a value naming this load, or
  /// throws for the case's failing loads.
  int load(int key) {
    const int actor = t_actor;
    if (actor < 0 || key < 1 || key > c_.keys) {
      foreign_loads_.fetch_add(1, std::memory_order_relaxed);
      return 0;
    }
    const auto slot = history_.begin(actor, kLoad, key);
    const int n = loads_[key].fetch_add(1, std::memory_order_relaxed) + 1;
    std::this_thread::sleep_for(std::chrono::microseconds(c_.load_us));
    const int value = key * kPerKey + n;
    if (c_.fails(key, n)) {
      history_.end(actor, slot, -value);
      throw std::runtime_error(failure_message(key, n));
    }
    history_.end(actor, slot, value);
    return value;
  }

  /// The value a load of `key` recorded for an exception with this message, or kUnknownError.
  int exception_code(int key, const std::string& what) const {
    for (int n = 1; n < kPerKey; n += 2)
      if (c_.fails(key, n) && what == failure_message(key, n)) return key * kPerKey + n;
    return kUnknownError;
  }

  const CoalesceCase& c_;
  HistoryRecorder history_;
  std::unique_ptr<std::atomic<int>[]> loads_;  // loads started per key
  std::atomic<int> foreign_loads_{0};
  std::vector<std::string> unknown_;  // unknown_[a]: what() of a's first unknown exception
  ::RequestCoalescer coalescer_;
};

class RequestCoalescing final : public Problem {
 public:
  std::string slug() const override { return "request-coalescing"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : coalesce_cases()) out.push_back({c.input(), c.callers, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& k : coalesce_cases())
      if (k.input() == c.input) return std::make_unique<CoalesceTrial>(k);
    return std::make_unique<CoalesceTrial>(coalesce_cases().front());
  }
  std::string actor_name(const Case&, int) const override { return "get()"; }
};

CJ_PROBLEM(RequestCoalescing);

}  // namespace cj::request_coalescing
