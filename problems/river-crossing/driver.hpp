// River crossing (Downey, The Little Book of Semaphores, 5.7): one thread per person, hackers and
// serfs, all sharing one RiverCrossing. There is one boat; it takes exactly four, never three of
// one kind with one of the other. The callbacks log who boarded and who rowed, and the checker
// replays the log: a boat is the boardings between two rowBoat() calls, so it holds four people,
// four hackers, four serfs or two of each, is rowed by exactly one of them after all four boarded,
// and the next four board only after it was rowed. Everyone boards exactly once. The crowds and
// the replay of the log are compiled once (checks.hpp); this file holds the trial.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "checks.hpp"
#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::river_crossing {

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

  Check check() override { return check_log(crowd_, log_); }

  std::string stuck_state() const override { return stuck_text(crowd_, log_); }

 private:
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
    return crowds().at(c.index);  // the runners number the cases in cases() order
  }
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(RiverCrossingProblem);

}  // namespace cj::river_crossing
