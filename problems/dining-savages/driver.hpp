// The Dining Savages (The Little Book of Semaphores, 5.1): savage threads each call savage() once
// per meal, one cook thread runs cook(), and a last thread calls close() once every meal is
// eaten. The driver keeps the pot: getServingFromPot() takes one serving and must find one there;
// putServingsInPot() fills the pot with `servings` and must find it empty (and stays "being
// filled" across a scheduling point, so a savage that reaches in meanwhile is seen). One
// compare-exchange per callback on one word sees the pot exactly.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "cj/harness.hpp"

namespace cj::dining_savages {

inline std::string savage_name(int s) { return "savage " + std::to_string(s); }

class FeastTrial final : public Trial {
 public:
  FeastTrial(int servings, int savages, int meals)
      : servings_(servings),
        savages_(savages),
        meals_(meals),
        pot_(servings),
        eaten_(std::make_unique<std::atomic<int>[]>(savages + 1)) {
    for (int s = 0; s <= savages; ++s) eaten_[s].store(0, std::memory_order_relaxed);
  }

  /// Actor 0 is the cook, actors 1..savages the savages, the last one closes.
  void run(int actor) override {
    if (actor == 0) {
      pot_.cook([this] { refill(); });
      cook_returned_.store(true, std::memory_order_relaxed);
    } else if (actor <= savages_) {
      for (int meal = 0; meal < meals_; ++meal) {
        const int before = eaten_[actor].load(std::memory_order_relaxed);
        pot_.savage([this, actor] { take(actor); });
        const int took = eaten_[actor].load(std::memory_order_relaxed) - before;
        if (took != 1)
          failures_.fail(
              savage_name(actor) + "'s meal " + std::to_string(meal + 1) + " took " +
              (took == 0 ? std::string("no serving") : std::to_string(took) + " servings") +
              ": each call to savage() takes exactly one serving");
      }
      fed_.fetch_add(1, std::memory_order_relaxed);
      fed_.notify_all();
    } else {
      for (int fed = fed_.load(std::memory_order_relaxed); fed < savages_;
           fed = fed_.load(std::memory_order_relaxed))
        fed_.wait(fed, std::memory_order_relaxed);
      close_called_.store(true, std::memory_order_relaxed);
      pot_.close();
    }
  }

  Check check() override { return failures_.get(); }
  Check failure_so_far() const override { return failures_.so_far(); }

  std::string stuck_state() const override {
    const int in_pot = pot_level_.load(std::memory_order_relaxed);
    int eaten = 0;
    for (int s = 1; s <= savages_; ++s) eaten += eaten_[s].load(std::memory_order_relaxed);
    std::string s = (in_pot == kFilling ? std::string("the cook was filling the pot")
                                        : "the pot held " + std::to_string(in_pot) + " servings") +
                    " after " + std::to_string(refills_.load(std::memory_order_relaxed)) +
                    " refills; " + std::to_string(eaten) + " of " +
                    std::to_string(savages_ * meals_) + " meals had been eaten";
    if (close_called_.load(std::memory_order_relaxed) &&
        !cook_returned_.load(std::memory_order_relaxed))
      s += "; close() had been called but cook() had not returned";
    return s;
  }

 private:
  static constexpr int kFilling = -1;

  void take(int s) {
    note_progress();
    int level = pot_level_.load(std::memory_order_relaxed);
    do {
      if (level <= 0) {
        failures_.fail(savage_name(s) + " took a serving from " +
                       (level == 0 ? "an empty pot" : "the pot while the cook was filling it") +
                       ": a savage who finds the pot empty wakes the cook and waits for the "
                       "refill");
        break;
      }
    } while (!pot_level_.compare_exchange_weak(level, level - 1, std::memory_order_relaxed));
    eaten_[s].fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  void refill() {
    note_progress();
    int level = 0;
    if (!pot_level_.compare_exchange_strong(level, kFilling, std::memory_order_relaxed)) {
      failures_.fail(level == kFilling
                         ? std::string("putServingsInPot() was called while the pot was already "
                                       "being filled")
                         : "the cook refilled the pot while it still held " +
                               std::to_string(level) + (level == 1 ? " serving" : " servings") +
                               ": the cook refills only an empty pot, once per emptying");
      return;
    }
    std::this_thread::yield();  // a scheduling point while filling
    refills_.fetch_add(1, std::memory_order_relaxed);
    pot_level_.store(servings_, std::memory_order_relaxed);
    note_progress();
  }

  const int servings_, savages_, meals_;
  ::DiningSavages pot_;
  FirstFailure failures_;
  std::atomic<int> pot_level_{0};              // servings in the pot, or kFilling
  std::unique_ptr<std::atomic<int>[]> eaten_;  // per savage (1-based): servings taken
  std::atomic<int> refills_{0};
  std::atomic<int> fed_{0};  // savages done with all their meals; the closer waits on it
  std::atomic<bool> close_called_{false}, cook_returned_{false};
};

class DiningSavagesProblem final : public Problem {
 public:
  std::string slug() const override { return "dining-savages"; }
  std::vector<Case> cases() const override { return table().cases(); }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<FeastTrial>(table().param(c, "servings"), table().param(c, "savages"),
                                        table().param(c, "meals"));
  }
  std::string actor_name(const Case& c, int actor) const override {
    if (actor == 0) return "cook()";
    return actor <= table().param(c, "savages") ? "savage()" : "close()";
  }

 private:
  static const NamedCases& table() {
    static const NamedCases t = [] {
      NamedCases t;
      for (auto [m, s, k] : {std::tuple{1, 1, 3},
                             {1, 3, 2},
                             {2, 3, 3},
                             {3, 2, 5},
                             {5, 4, 3},
                             {2, 6, 2},
                             {4, 5, 4},
                             {3, 3, 1}})
        t.add({{"servings", m}, {"savages", s}, {"meals", k}}, s + 2);
      return t;
    }();
    return t;
  }
};

CJ_PROBLEM(DiningSavagesProblem);

}  // namespace cj::dining_savages
