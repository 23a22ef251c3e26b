// 1226 The Dining Philosophers: five threads, one per philosopher, share one DiningPhilosophers;
// each calls wantsToEat() n times. The callbacks track which fork is in whose hand, so the checker
// judges the meaning, not the printed list: a fork is never in two hands, a philosopher eats only
// holding both its forks, puts down exactly what it picked up, and eats once per call. The check
// of the meals and the stall text are compiled once (checks.hpp); this file holds the trial.
#include <array>
#include <atomic>
#include <string>
#include <thread>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::dining_philosophers {

class DinnerTrial final : public Trial {
 public:
  DinnerTrial(int meals, bool start_together) : meals_(meals), start_together_(start_together) {}

  void run(int p) override {
    if (start_together_) wait_for_the_others();
    const int left = left_fork(p), right = right_fork(p);
    for (int call = 0; call < meals_; ++call) {
      const int eaten_before = eaten_[p].load(std::memory_order_relaxed);
      table_.wantsToEat(
          p, [this, p, left] { pick(p, left, "left"); },
          [this, p, right] { pick(p, right, "right"); },
          [this, p, left, right] { eat(p, left, right); },
          [this, p, left] { put(p, left, "left"); }, [this, p, right] { put(p, right, "right"); });
      const int ate = eaten_[p].load(std::memory_order_relaxed) - eaten_before;
      if (ate != 1) {
        fail(who(p) + "'s call " + std::to_string(call + 1) + " to wantsToEat() " +
             (ate == 0 ? "returned without eating" : "ate " + std::to_string(ate) + " times") +
             ": each call eats exactly once");
      }
      for (int f : {left, right}) {
        if (owner_[f].load(std::memory_order_relaxed) == p) {
          fail(who(p) + "'s wantsToEat() returned while it still held " + fork_name(f) +
               ": a philosopher puts down both forks before the call returns");
          // Put it down for it, so that one slip is reported once and not as a stream of others.
          owner_[f].store(kNobody, std::memory_order_relaxed);
        }
      }
    }
  }

  Check check() override {
    if (failed_.load(std::memory_order_relaxed)) return failure_;
    return check_meals(eaten(), meals_);
  }

  std::string stuck_state() const override {
    std::array<int, kPhilosophers> owner;
    for (int f = 0; f < kPhilosophers; ++f) owner[f] = owner_[f].load(std::memory_order_relaxed);
    return stuck_text(owner, eaten(), meals_);
  }

 private:
  // Relaxed atomics throughout: the bookkeeping must not add a happens-before edge between the
  // philosophers' threads, which would hide a data race in the solution from ThreadSanitizer.
  void pick(int p, int f, const char* side) {
    int holder = kNobody;
    if (!owner_[f].compare_exchange_strong(holder, p, std::memory_order_relaxed)) {
      fail(holder == p ? who(p) + " picked up its " + side + " fork (" + fork_name(f) +
                             ") while already holding it"
                       : who(p) + " picked up its " + side + " fork (" + fork_name(f) + ") while " +
                             who(holder) + " was holding it (as its " +
                             (f == right_fork(holder) ? "right" : "left") +
                             " fork): a fork is in one hand at a time");
    }
    note_progress();
    // Holding one fork is the moment a careless order deadlocks: in a trial that started
    // together, before the first meal, give the others a chance to reach for theirs now, so a
    // wait-for cycle shows up in seconds rather than days.
    if (start_together_ && eaten_[p].load(std::memory_order_relaxed) == 0 &&
        owner_[other_fork(p, f)].load(std::memory_order_relaxed) != p)
      std::this_thread::yield();
  }

  void put(int p, int f, const char* side) {
    int holder = p;
    if (!owner_[f].compare_exchange_strong(holder, kNobody, std::memory_order_relaxed)) {
      fail(who(p) + " put down its " + side + " fork (" + fork_name(f) + ") without holding it" +
           (holder == kNobody ? "" : " (" + who(holder) + " was holding it)"));
    }
    note_progress();
  }

  void eat(int p, int left, int right) {
    const bool has_left = owner_[left].load(std::memory_order_relaxed) == p;
    const bool has_right = owner_[right].load(std::memory_order_relaxed) == p;
    if (!has_left || !has_right) {
      fail(who(p) + " ate holding " +
           (has_left    ? "only its left fork (" + fork_name(left) + ")"
            : has_right ? "only its right fork (" + fork_name(right) + ")"
                        : std::string("no fork")) +
           ": a philosopher eats only with both forks in hand");
    }
    eaten_[p].fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  /// A deadlock needs all five philosophers inside one trial at once, which threads that drift
  /// through a batch at their own pace rarely are: some trials make them start together. Bounded
  /// and relaxed, so it neither hangs on a runner that runs actors one by one nor orders them.
  void wait_for_the_others() {
    arrived_.fetch_add(1, std::memory_order_relaxed);
    for (int spins = 0; spins < 20000 && arrived_.load(std::memory_order_relaxed) < kPhilosophers;
         ++spins)
      std::this_thread::yield();
  }

  /// How often each philosopher has eaten so far.
  std::array<int, kPhilosophers> eaten() const {
    std::array<int, kPhilosophers> times;
    for (int p = 0; p < kPhilosophers; ++p) times[p] = eaten_[p].load(std::memory_order_relaxed);
    return times;
  }

  /// Keeps the first failure; later ones are usually its consequences.
  void fail(std::string reason) {
    if (!failed_.exchange(true, std::memory_order_relaxed))
      failure_ = Failure{"wrong_answer", std::move(reason), "", ""};
  }

  const int meals_;
  const bool start_together_;
  std::atomic<int> arrived_{0};
  ::DiningPhilosophers table_;
  std::atomic<int> owner_[kPhilosophers] = {kNobody, kNobody, kNobody, kNobody, kNobody};
  std::atomic<int> eaten_[kPhilosophers] = {0, 0, 0, 0, 0};
  std::atomic<bool> failed_{false};
  Failure failure_;  // written only by the thread that set failed_; read by check()
};

class TheDiningPhilosophers final : public Problem {
  static constexpr std::array<int, 8> kMeals = {1, 2, 3, 5, 10, 20, 40, 60};  // n of each case

 public:
  std::string slug() const override { return "the-dining-philosophers"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (int n : kMeals) cases.push_back({"n = " + std::to_string(n), kPhilosophers, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool start_together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<DinnerTrial>(kMeals.at(c.index), start_together);
  }
  std::string actor_name(const Case&, int actor) const override {
    return "wantsToEat(" + std::to_string(actor) + ", ...)";
  }

 private:
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one starts together
};

CJ_PROBLEM(TheDiningPhilosophers);

}  // namespace cj::dining_philosophers
