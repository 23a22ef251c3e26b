// The Sleeping Barber (The Little Book of Semaphores, 5.2): one barber thread runs barber(), one
// thread per customer calls customer(id), and a last thread calls close() once every customer has
// left. The driver keeps each customer's state (in the shop, in the chair, cut, gone) and checks
// every callback and every return against it: cutHair(id) only for a customer who is waiting, at
// most once; customer() returns true only after its haircut has finished, false only if it was
// never cut and the waiting chairs were all taken at some moment of its visit.
//
// The waiting count and the number of moments it reached "full" share one word, so that one
// read-modify-write on leaving tells a customer whether the room was full while it was there.
// Every customer is counted from the moment it calls customer() until its cut begins or it
// leaves, which is never shorter than the solution's own count of it, so that check never
// rejects a correct balk. The converse ("it should have balked") is judged in the explore mode
// only: during the first haircut, once nothing else can run, at most `chairs` customers may be
// waiting.
//
// The cases and the stall text are compiled once (checks.hpp); this file holds the trial.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::sleeping_barber {

class ShopTrial final : public Trial {
 public:
  ShopTrial(int chairs, int customers)
      : chairs_(chairs),
        customers_(customers),
        shop_(chairs),
        state_(std::make_unique<std::atomic<int>[]>(customers + 1)) {
    for (int id = 0; id <= customers; ++id) state_[id].store(kOutside, std::memory_order_relaxed);
  }

  /// Actor 0 is the barber, actors 1..customers the customers (id = actor), the last one closes.
  void run(int actor) override {
    if (actor == 0) {
      shop_.barber([this](int id) { cut_hair(id); });
      barber_returned_.store(true, std::memory_order_relaxed);
    } else if (actor <= customers_) {
      visit(actor);
    } else {
      for (int gone = left_.load(std::memory_order_relaxed); gone < customers_;
           gone = left_.load(std::memory_order_relaxed))
        left_.wait(gone, std::memory_order_relaxed);
      // Explore: let the barber go idle first; a barber that keeps running here never sleeps.
      (void)await_quiescence();
      close_called_.store(true, std::memory_order_relaxed);
      shop_.close();
    }
  }

  Check check() override { return failures_.get(); }
  Check failure_so_far() const override { return failures_.so_far(); }

  std::string stuck_state() const override {
    std::vector<int> states{kOutside};
    for (int id = 1; id <= customers_; ++id)
      states.push_back(state_[id].load(std::memory_order_relaxed));
    return stuck_text(states, cuts_.load(std::memory_order_relaxed),
                      left_.load(std::memory_order_relaxed),
                      close_called_.load(std::memory_order_relaxed) &&
                          !barber_returned_.load(std::memory_order_relaxed));
  }

 private:
  static constexpr std::uint64_t kOne = 1;
  static constexpr std::uint64_t kFullEvent = std::uint64_t{1} << 32;
  static constexpr std::uint64_t kCountMask = kFullEvent - 1;

  /// One more customer in the shop; counts a "full" moment when it makes chairs + 1 (the room
  /// full and one more at the door). Returns the word after the change.
  std::uint64_t enter_shop() {
    std::uint64_t w = waiting_.load(std::memory_order_relaxed), next;
    do {
      next = w + kOne;
      if ((next & kCountMask) > static_cast<std::uint64_t>(chairs_)) next += kFullEvent;
    } while (!waiting_.compare_exchange_weak(w, next, std::memory_order_relaxed));
    return next;
  }
  std::uint64_t leave_waiting() { return waiting_.fetch_sub(kOne, std::memory_order_relaxed); }

  void visit(int id) {
    state_[id].store(kInShop, std::memory_order_relaxed);
    const std::uint64_t at_entry = enter_shop();
    note_progress();
    const bool cut = shop_.customer(id);
    note_progress();
    const int s = state_[id].load(std::memory_order_relaxed);
    if (cut) {
      if (s != kCut)
        failures_.fail(customer_name(id) + "'s customer() returned true " +
                       (s == kInChair ? std::string("while its hair was still being cut")
                                      : std::string("but its hair was never cut")) +
                       ": a customer leaves with its haircut done");
    } else {
      if (s != kInShop) {
        failures_.fail(customer_name(id) +
                       " had its hair cut, but customer() returned false (\"every chair was "
                       "taken\")");
      } else {
        const std::uint64_t at_exit = leave_waiting();
        const bool full_at_entry = (at_entry & kCountMask) > static_cast<std::uint64_t>(chairs_);
        if (!full_at_entry && at_exit >> 32 == at_entry >> 32)
          failures_.fail(customer_name(id) +
                         " left without a haircut (customer() returned "
                         "false), but at no moment of its visit were all " +
                         std::to_string(chairs_) +
                         " waiting chairs taken: a customer balks only when the waiting room "
                         "is full");
      }
    }
    state_[id].store(kGone, std::memory_order_relaxed);
    left_.fetch_add(1, std::memory_order_relaxed);
    left_.notify_all();
  }

  void cut_hair(int id) {
    note_progress();
    if (id < 1 || id > customers_) {
      failures_.fail("cutHair(" + std::to_string(id) + ") was called, but there is no customer " +
                     std::to_string(id) + " (ids go from 1 to " + std::to_string(customers_) + ")");
      return;
    }
    int s = kInShop;
    if (!state_[id].compare_exchange_strong(s, kInChair, std::memory_order_relaxed)) {
      static const char* const why[] = {"had not come in yet", "", "was already in the chair",
                                        "had already had its haircut", "had already left"};
      failures_.fail("cutHair(" + std::to_string(id) + ") was called, but " + customer_name(id) +
                     " " + why[s] + ": the barber cuts each waiting customer's hair exactly once");
      return;
    }
    leave_waiting();
    std::this_thread::yield();  // a scheduling point in the chair: others may arrive meanwhile
    if (cuts_.load(std::memory_order_relaxed) == 0 && customers_ > chairs_ + 1 &&
        await_quiescence())
      count_waiting_now(id);
    cuts_.fetch_add(1, std::memory_order_relaxed);
    state_[id].store(kCut, std::memory_order_relaxed);
    note_progress();
  }

  /// Explore, nothing else can run: everyone still in the shop waits in a chair.
  void count_waiting_now(int in_chair) {
    int waiting = 0;
    for (int id = 1; id <= customers_; ++id)
      waiting += state_[id].load(std::memory_order_relaxed) == kInShop;
    if (waiting > chairs_)
      failures_.fail("while the barber cut " + customer_name(in_chair) + "'s hair, " +
                     std::to_string(waiting) + " customers were waiting in a shop with " +
                     std::to_string(chairs_) +
                     " waiting chairs: a customer who finds every chair taken leaves at once "
                     "(customer() returns false)");
  }

  const int chairs_, customers_;
  ::BarberShop shop_;
  FirstFailure failures_;
  std::unique_ptr<std::atomic<int>[]> state_;  // per customer id (1-based): a State
  std::atomic<std::uint64_t> waiting_{0};      // in the shop uncut (low half), full moments (high)
  std::atomic<int> cuts_{0};
  std::atomic<int> left_{0};  // customers whose customer() returned; the closer waits on it
  std::atomic<bool> close_called_{false}, barber_returned_{false};
};

class SleepingBarber final : public Problem {
 public:
  std::string slug() const override { return "sleeping-barber"; }
  std::vector<Case> cases() const override { return table().cases(); }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<ShopTrial>(table().param(c, "chairs"), table().param(c, "customers"));
  }
  std::string actor_name(const Case& c, int actor) const override {
    if (actor == 0) return "barber()";
    if (actor <= table().param(c, "customers")) return "customer(" + std::to_string(actor) + ")";
    return "close()";
  }

 private:
  static const NamedCases& table() { return shop_cases(); }
};

CJ_PROBLEM(SleepingBarber);

}  // namespace cj::sleeping_barber
