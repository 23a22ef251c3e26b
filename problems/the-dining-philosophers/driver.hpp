// 1226 The Dining Philosophers: five threads, one per philosopher, share one DiningPhilosophers;
// each calls wantsToEat() n times. The callbacks track which fork is in whose hand, so the checker
// judges the meaning, not the printed list: a fork is never in two hands, a philosopher eats only
// holding both its forks, puts down exactly what it picked up, and eats once per call.
#include <array>
#include <atomic>
#include <string>
#include <thread>

#include "cj/harness.hpp"

namespace cj::dining_philosophers {

constexpr int kPhilosophers = 5;
constexpr int kNobody = -1;

// LeetCode's numbering: philosopher i's right fork is fork i, its left fork is fork (i + 1) % 5.
inline int right_fork(int p) { return p; }
inline int left_fork(int p) { return (p + 1) % kPhilosophers; }

inline int other_fork(int p, int f) { return f == right_fork(p) ? left_fork(p) : right_fork(p); }

inline std::string who(int p) { return "philosopher " + std::to_string(p); }
inline std::string fork_name(int f) { return "fork " + std::to_string(f); }

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
    for (int p = 0; p < kPhilosophers; ++p) {
      const int ate = eaten_[p].load(std::memory_order_relaxed);
      if (ate != meals_) {
        return Failure{"wrong_answer",
                       who(p) + " ate " + std::to_string(ate) + " times but was asked to eat " +
                           std::to_string(meals_) + " times",
                       "", ""};
      }
    }
    return std::nullopt;
  }

  /// Who holds which fork, and the wait-for cycle when there is one: a philosopher holding one
  /// of its forks outside a meal is waiting for the other.
  std::string stuck_state() const override {
    int owner[kPhilosophers];
    for (int f = 0; f < kPhilosophers; ++f) owner[f] = owner_[f].load(std::memory_order_relaxed);
    auto wanted = [&](int p) -> int {  // the fork p waits for, or -1 when that is not known
      const bool has_left = owner[left_fork(p)] == p, has_right = owner[right_fork(p)] == p;
      if (has_left == has_right) return -1;
      return has_left ? right_fork(p) : left_fork(p);
    };
    auto held = [&](int p) {
      std::string forks;
      for (int f : {right_fork(p), left_fork(p)})
        if (owner[f] == p) forks += (forks.empty() ? "" : " and ") + fork_name(f);
      return forks;
    };
    for (int start = 0; start < kPhilosophers; ++start) {
      // Follow "waits for a fork held by" from start; a return to start is a deadlock cycle.
      std::string cycle;
      int p = start;
      for (int step = 0; step < kPhilosophers; ++step) {
        const int f = wanted(p);
        if (f < 0 || owner[f] == kNobody) break;
        cycle += (step ? "; " : "") + who(p) + " holds " + held(p) + " and waits for " +
                 fork_name(f) + " held by " + who(owner[f]);
        p = owner[f];
        if (p == start) return cycle + ": a cycle, so none of them can ever eat";
      }
    }
    std::string state;
    for (int p = 0; p < kPhilosophers; ++p) {
      const std::string forks = held(p);
      state += (p ? "; " : "") + who(p) + " holds " + (forks.empty() ? "no fork" : forks) +
               " and has eaten " + std::to_string(eaten_[p].load(std::memory_order_relaxed)) +
               " of " + std::to_string(meals_) + " times";
    }
    return state;
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
