// The unisex bathroom (Downey, The Little Book of Semaphores, 6.2): one thread per person, women
// and men, all sharing one UnisexBathroom of `capacity` places. useBathroom() logs the person
// going in, stays inside for a moment (so that someone let in wrongly overlaps), and logs them
// coming out. The checker replays the log: never a woman and a man inside together, never more
// than `capacity` inside, and everyone goes in exactly once. Fairness cases script a stream:
// person 0 goes in; person 1, of the other sex, comes to the door; only when nothing else can run
// (so person 1 is certainly waiting inside the solution) does person 2, of person 0's sex, come
// along, while person 0 stays inside until person 2 either went in or is kept waiting. Person 2
// going in before person 1 starves person 1. That needs an exact scheduler (explore, see
// await_quiescence()); other runners play the same cases without the fairness verdict. The cases
// and the replay of the log are compiled once (checks.hpp); this file holds the trial.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::unisex_bathroom {

class BathroomTrial final : public Trial {
 public:
  BathroomTrial(Queue queue, bool arrive_together)
      : queue_(std::move(queue)),
        arrive_together_(arrive_together),
        bathroom_(queue_.capacity),
        log_(2 * queue_.people.size() + 8) {}

  void run(int actor) override {
    if (queue_.stream && actor >= 2) {
      // The stream's later people come along once person 0 lets them (see hold_the_room()).
      while (!gate_.load(std::memory_order_relaxed)) gate_.wait(false, std::memory_order_relaxed);
    } else if (arrive_together_ && !queue_.stream) {
      gathering_.arrive();
    }
    if (actor == 1) second_called_.store(true, std::memory_order_relaxed);
    auto use = [this, actor] {
      log_.record(actor, kEnter);
      if (actor == 1) second_in_.store(true, std::memory_order_relaxed);
      if (queue_.stream && actor == 0) hold_the_room();
      // Stay inside a moment: long enough to overlap with someone let in wrongly, and a
      // scheduling point for a controlled runner.
      for (int i = 0; i < kStayPauses; ++i) __builtin_ia32_pause();
      std::this_thread::yield();
      log_.record(actor, kLeave);
    };
    if (is_woman(actor))
      bathroom_.woman(use);
    else
      bathroom_.man(use);
  }

  Check check() override { return check_log(queue_, log_, second_was_waiting_); }

  std::string stuck_state() const override { return stuck_text(queue_, log_); }

 private:
  static constexpr int kStayPauses = 200;  // ~10 µs inside

  /// Person 0 of a stream case, inside: once nothing else can run, person 1 (who called and
  /// did not get in) is waiting; then let the others come along, and stay until they went in or
  /// are kept waiting too. Outside explore, await_quiescence() returns false at once and person 0
  /// just opens the gate.
  void hold_the_room() {
    if (await_quiescence())
      second_was_waiting_ = second_called_.load(std::memory_order_relaxed) &&
                            !second_in_.load(std::memory_order_relaxed);
    open_gate();
    if (second_was_waiting_) (void)await_quiescence();
  }
  void open_gate() {
    gate_.store(true, std::memory_order_relaxed);
    gate_.notify_all();
  }
  bool is_woman(int actor) const { return queue_.people[actor] == 'W'; }

  const Queue queue_;
  const bool arrive_together_;
  LooseGathering gathering_{static_cast<int>(queue_.people.size())};
  // Stream cases only. gate_: the later people may come along; second_called_/second_in_:
  // person 1 called, went in; second_was_waiting_: written by person 0 before it opens the gate,
  // read by check() after every thread returned.
  std::atomic<bool> gate_{false}, second_called_{false}, second_in_{false};
  bool second_was_waiting_ = false;
  ::UnisexBathroom bathroom_;
  EventLog log_;
};

class UnisexBathroomProblem final : public Problem {
 public:
  UnisexBathroomProblem() {
    for (Queue& q : queues()) by_index_.push_back(std::move(q));
  }
  std::string slug() const override { return "unisex-bathroom"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const Queue& q : queues()) {
      Case c{q.input(), static_cast<int>(q.people.size()), {}};
      for (int a = 0; a < c.actors; ++a) c.start_order.push_back(a);  // in order of the string
      cases.push_back(std::move(c));
    }
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<BathroomTrial>(by_index_.at(c.index), together);
  }
  std::string actor_name(const Case& c, int actor) const override {
    return by_index_.at(c.index).people[actor] == 'W' ? "woman()" : "man()";
  }

 private:
  std::vector<Queue> by_index_;            // in cases() order
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(UnisexBathroomProblem);

}  // namespace cj::unisex_bathroom
