// The unisex bathroom (Downey, The Little Book of Semaphores, 6.2): one thread per person, women
// and men, all sharing one UnisexBathroom of `capacity` places. useBathroom() logs the person
// going in, stays inside for a moment (so that someone let in wrongly overlaps), and logs them
// coming out. The checker replays the log: never a woman and a man inside together, never more
// than `capacity` inside, and everyone goes in exactly once. Fairness cases script a stream:
// person 0 goes in; person 1, of the other sex, comes to the door; only when nothing else can run
// (so person 1 is certainly waiting inside the solution) does person 2, of person 0's sex, come
// along, while person 0 stays inside until person 2 either went in or is kept waiting. Person 2
// going in before person 1 starves person 1. That needs an exact scheduler (explore, see
// await_quiescence()); other runners play the same cases without the fairness verdict.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::unisex_bathroom {

enum What { kEnter, kLeave };

struct Queue {
  int capacity;
  std::string people;   // 'W' and 'M', one thread each
  bool stream = false;  // a fairness case: people[1] waits while people[2] arrives (see above)
  std::string input() const {
    return "capacity = " + std::to_string(capacity) + ", people = \"" + people + "\"" +
           (stream ? " (the third arrives while the second waits)" : "");
  }
};

/// Fixed queues that stress particular arrivals, then pseudo-random ones of more sizes.
inline std::vector<Queue> queues() {
  std::vector<Queue> q = {{1, "WM"},       {3, "WWWM"},      {3, "MMMMW"},    {2, "WMWM"},
                          {3, "WWWWWW"},   {2, "MMMWWW"},    {3, "WMMMMWWW"}, {1, "WWMMWM"},
                          {3, "MWMWMWMW"}, {4, "WWWWWMMMMM"}};
  std::uint64_t state = 0xba7;  // a fixed LCG: the same cases on every machine and library
  auto next = [&state](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % bound);
  };
  for (int n : {6, 8, 10, 12}) {
    std::string s;
    for (int i = 0; i < n; ++i) s += next(2) ? 'W' : 'M';
    q.push_back({1 + next(3), s, false});
  }
  for (const char* stream : {"MWM", "WMW", "MWMM", "WMWW"}) q.push_back({3, stream, true});
  return q;
}

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

  Check check() override {
    const int people = static_cast<int>(queue_.people.size());
    if (log_.overflowed()) return fail("useBathroom() was called far more often than once each");
    std::vector<int> visits(people, 0);
    std::vector<int> inside;      // who is inside now, in the order they went in
    bool second_entered = false;  // person 1 went in (stream cases)
    for (std::size_t i = 0; i < log_.size(); ++i) {
      const Event e = log_[i];
      if (e.what == kLeave) {
        inside.erase(std::find(inside.begin(), inside.end(), e.actor));
        continue;
      }
      if (visits[e.actor]++)
        return fail(who(e.actor) + " used the bathroom twice: everyone goes in once");
      std::vector<int> other;
      for (int a : inside)
        if (is_woman(a) != is_woman(e.actor)) other.push_back(a);
      if (!other.empty())
        return fail(who(e.actor) + " went in while " + list(other) +
                    (other.size() == 1 ? " was" : " were") +
                    " inside: women and men never use the bathroom at the same time");
      if (static_cast<int>(inside.size()) == queue_.capacity)
        return fail(who(e.actor) + " went in while " + list(inside) + " already filled its " +
                    std::to_string(queue_.capacity) +
                    (queue_.capacity == 1 ? " place" : " places") + ": at most " +
                    std::to_string(queue_.capacity) + " inside at once");
      inside.push_back(e.actor);
      if (e.actor == 1) second_entered = true;
      if (e.actor >= 2 && second_was_waiting_ && !second_entered)
        return fail(who(e.actor) + " came along while " + who(1) + " was waiting and went in " +
                    "before " + pronoun(1) + ": once someone waits, people of the other sex who " +
                    "come after " + pronoun(1) + " wait for " + pronoun(1) + " to go in first");
    }
    for (int a = 0; a < people; ++a)
      if (!visits[a]) return fail(who(a) + " never used the bathroom: everyone goes in once");
    return std::nullopt;
  }

  std::string stuck_state() const override {
    const int in = log_.count(kEnter), out = log_.count(kLeave);
    return std::to_string(in) + " of " + std::to_string(queue_.people.size()) +
           " people had gone in and " + std::to_string(in - out) + " were inside";
  }

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
  std::string pronoun(int actor) const { return is_woman(actor) ? "her" : "him"; }

  bool is_woman(int actor) const { return queue_.people[actor] == 'W'; }
  std::string who(int actor) const {
    return (is_woman(actor) ? "woman " : "man ") + std::to_string(actor);
  }
  std::string list(const std::vector<int>& actors) const {
    return listed(actors, [this](int a) { return who(a); });
  }
  static Check fail(std::string reason) {
    return Failure{"wrong_answer", std::move(reason), "", ""};
  }

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
    for (Queue& q : queues()) by_input_.emplace(q.input(), std::move(q));
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
    return std::make_unique<BathroomTrial>(by_input_.at(c.input), together);
  }
  std::string actor_name(const Case& c, int actor) const override {
    return by_input_.at(c.input).people[actor] == 'W' ? "woman()" : "man()";
  }

 private:
  std::map<std::string, Queue> by_input_;
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(UnisexBathroomProblem);

}  // namespace cj::unisex_bathroom
