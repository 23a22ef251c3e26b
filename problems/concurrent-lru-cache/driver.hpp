// Concurrent LRU cache: threads call get, put and size() on one cache, each from a fixed script.
// Every call's invocation and response is recorded and the history is judged against a
// sequential LRU cache (cj/lru_spec.hpp) by the linearizability checker, so a cache that evicts
// the wrong key, forgets to refresh a key on get, or lets two racing puts overfill it is caught
// even when each call's result looks plausible on its own.
// This file holds what needs the learner's class (the trial that calls it); the cases, the
// scripts and the check are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::concurrent_lru_cache {

class LruTrial final : public Trial {
 public:
  explicit LruTrial(const LruCase& c)
      : c_(c), cache_(c.capacity), history_(c.threads, c.calls + 2) {
    for (int a = 0; a < c.threads; ++a) scripts_.push_back(c.script(a));
  }

  void run(int actor) override {
    for (const Call& call : scripts_[actor]) {
      const auto slot = history_.begin(actor, call.method, call.key, call.value);
      long long result = 0;
      if (call.method == lru::kGet)
        result = cache_.get(call.key);
      else if (call.method == lru::kPut)
        cache_.put(call.key, call.value);
      else
        result = cache_.size();
      history_.end(actor, slot, result);
    }
  }

  Check check() override { return check_history(c_, history_.operations()); }

  std::string stuck_state() const override { return stuck_calls(c_, scripts_, history_); }

 private:
  const LruCase& c_;
  ::LRUCache cache_;
  HistoryRecorder history_;
  std::vector<std::vector<Call>> scripts_;
};

class ConcurrentLruCache final : public Problem {
 public:
  std::string slug() const override { return "concurrent-lru-cache"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : lru_cases()) cases.push_back({c.input(), c.threads, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<LruTrial>(find(c));
  }
  std::string actor_name(const Case&, int actor) const override {
    return "thread " + std::to_string(actor + 1);
  }

 private:
  static const LruCase& find(const Case& c) {
    return lru_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(ConcurrentLruCache);

}  // namespace cj::concurrent_lru_cache
