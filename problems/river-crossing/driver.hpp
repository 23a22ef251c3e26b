// River crossing (Downey, The Little Book of Semaphores, 5.7): one thread per person, hackers and
// serfs, all sharing one RiverCrossing. There is one boat; it takes exactly four, never three of
// one kind with one of the other. The callbacks log who boarded and who rowed, and the checker
// replays the log: a boat is the boardings between two rowBoat() calls, so it holds four people,
// four hackers, four serfs or two of each, is rowed by exactly one of them after all four boarded,
// and the next four board only after it was rowed. Everyone boards exactly once.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::river_crossing {

enum What { kBoard, kRow };

/// Fixed crowds that stress particular arrivals, then pseudo-random ones of more sizes. Every
/// crowd has an even number of each kind and a multiple of four in all, so everyone can cross.
std::vector<std::string> crowds() {
  std::vector<std::string> c = {"HHHH",     "SSSS",     "HSHS",         "HHSS",
                                "SSHH",     "HHHSSSHS", "SHHHHHHS",     "HHHHSSSS",
                                "SSSHHHSH", "HSSSSSSH", "HHHHHHSSSSSS", "SHSHSHSHSHSH"};
  std::uint64_t state = 0x5eed;  // a fixed LCG: the same cases on every machine and library
  auto next = [&state](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  for (int boats : {2, 3, 4, 5}) {
    for (int variant = 0; variant < 2; ++variant) {
      const int hackers = 2 * static_cast<int>(next(2 * boats + 1));
      std::string s(hackers, 'H');
      s += std::string(4 * boats - hackers, 'S');
      for (std::size_t i = s.size() - 1; i > 0; --i) std::swap(s[i], s[next(i + 1)]);
      c.push_back(s);
    }
  }
  return c;
}

class CrossingTrial final : public Trial {
 public:
  CrossingTrial(std::string crowd, bool arrive_together)
      : crowd_(std::move(crowd)), arrive_together_(arrive_together), log_(2 * crowd_.size() + 8) {}

  void run(int actor) override {
    if (arrive_together_) gathering_.arrive();
    auto board = [this, actor] { log_.record(actor, kBoard); };
    auto row = [this, actor] {
      log_.record(actor, kRow);
      // The boat is on the river for a moment: a boarding let in too early lands meanwhile.
      std::this_thread::yield();
    };
    if (crowd_[actor] == 'H')
      crossing_.hacker(board, row);
    else
      crossing_.serf(board, row);
  }

  Check check() override {
    const int people = static_cast<int>(crowd_.size());
    if (log_.overflowed())
      return fail("board() and rowBoat() were called more than twice per person");
    std::vector<int> boarded(people, 0);
    std::vector<int> aboard;  // the boat being loaded: who boarded since the last rowBoat()
    int rowed = 0;
    for (std::size_t i = 0; i < log_.size(); ++i) {
      const Event e = log_[i];
      if (e.what == kBoard) {
        if (boarded[e.actor]++) return fail(who(e.actor) + " boarded twice: everyone boards once");
        if (aboard.size() == 4) {
          return fail(who(e.actor) + " boarded while " + list(aboard) +
                      " were already aboard and the boat had not been rowed yet: it takes four, "
                      "and the next four board only after rowBoat()");
        }
        aboard.push_back(e.actor);
        if (aboard.size() == 4) {
          int hackers = 0;
          for (int a : aboard) hackers += crowd_[a] == 'H';
          if (hackers == 1 || hackers == 3) {
            aboard.pop_back();
            return fail(
                list(aboard) + " were aboard when " + who(e.actor) + " boarded the same boat: " +
                (hackers == 3 ? "three hackers and one serf" : "three serfs and one hacker") +
                " is a boat that ends in a fight; board four of a kind or two of each");
          }
        }
      } else {
        if (aboard.size() < 4) {
          if (aboard.empty() && rowed > 0)
            return fail(who(e.actor) +
                        " called rowBoat() for a boat that was already rowed: "
                        "exactly one of the four rows");
          return fail(who(e.actor) + " called rowBoat() when only " +
                      (aboard.empty() ? std::string("nobody") : list(aboard)) +
                      (aboard.size() == 1 ? " was" : " were") +
                      " aboard: the boat is rowed after all four boarded");
        }
        bool in_boat = false;
        for (int a : aboard) in_boat |= a == e.actor;
        if (!in_boat)
          return fail(who(e.actor) + " rowed the boat of " + list(aboard) +
                      " without being in it: one of the four rows");
        aboard.clear();
        ++rowed;
      }
    }
    for (int a = 0; a < people; ++a)
      if (!boarded[a]) return fail(who(a) + " never boarded: everyone crosses the river once");
    if (!aboard.empty())
      return fail("the last boat (" + list(aboard) +
                  ") was never rowed: one of the four calls "
                  "rowBoat()");
    return std::nullopt;
  }

  std::string stuck_state() const override {
    return std::to_string(log_.count(kBoard)) + " of " + std::to_string(crowd_.size()) +
           " people had boarded and " + std::to_string(log_.count(kRow)) + " of " +
           std::to_string(crowd_.size() / 4) + " boats had been rowed";
  }

 private:
  std::string who(int actor) const {
    return (crowd_[actor] == 'H' ? "hacker " : "serf ") + std::to_string(actor);
  }
  std::string list(const std::vector<int>& actors) const {
    return listed(actors, [this](int a) { return who(a); });
  }
  static Check fail(std::string reason) {
    return Failure{"wrong_answer", std::move(reason), "", ""};
  }

  const std::string crowd_;
  const bool arrive_together_;
  LooseGathering gathering_{static_cast<int>(crowd_.size())};
  ::RiverCrossing crossing_;
  EventLog log_;
};

class RiverCrossingProblem final : public Problem {
 public:
  std::string slug() const override { return "river-crossing"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const std::string& crowd : crowds()) {
      Case c{"people = \"" + crowd + "\"", static_cast<int>(crowd.size()), {}};
      for (int a = 0; a < c.actors; ++a) c.start_order.push_back(a);  // in order of the string
      cases.push_back(std::move(c));
    }
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<CrossingTrial>(crowd_of(c), together);
  }
  std::string actor_name(const Case& c, int actor) const override {
    return crowd_of(c)[actor] == 'H' ? "hacker()" : "serf()";
  }

 private:
  static std::string crowd_of(const Case& c) {
    static const std::vector<std::string> all = crowds();
    return all.at(c.index);  // the runners number the cases in cases() order
  }
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(RiverCrossingProblem);

}  // namespace cj::river_crossing
