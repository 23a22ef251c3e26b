// Roller coaster (Downey, The Little Book of Semaphores, 5.8): one car thread and capacity * rides
// passenger threads share one RollerCoaster; every passenger rides once. The callbacks log what
// the car and the passengers did, and the checker replays the log as the car's story: load(),
// exactly `capacity` boardings, run(), unload(), all of them unboard, and only then the next
// load(). Nobody boards a car that has not called load(), is full, running or unloading, and
// nobody steps off before unload(). The rides and the replay are compiled once (checks.hpp); this
// file holds the trial.
#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::roller_coaster {

class CoasterTrial final : public Trial {
 public:
  CoasterTrial(Ride ride, bool arrive_together)
      : ride_(ride),
        arrive_together_(arrive_together),
        coaster_(ride.capacity, ride.rides),
        log_(6 * (ride.capacity * ride.rides + 1) + 8) {}

  void run(int actor) override {
    if (arrive_together_) gathering_.arrive();
    if (actor == kCar) {
      coaster_.car([this] { log_.record(kCar, kLoad); },
                   [this] {
                     log_.record(kCar, kRun);
                     // The ride takes a moment: a passenger let on too late boards meanwhile.
                     std::this_thread::yield();
                   },
                   [this] { log_.record(kCar, kUnload); });
    } else {
      coaster_.passenger([this, actor] { log_.record(actor, kBoard); },
                         [this, actor] { log_.record(actor, kUnboard); });
    }
  }

  Check check() override { return check_log(ride_, log_); }

  std::string stuck_state() const override { return stuck_text(ride_, log_); }

 private:
  int passengers() const { return ride_.passengers(); }

  const Ride ride_;
  const bool arrive_together_;
  LooseGathering gathering_{passengers() + 1};
  ::RollerCoaster coaster_;
  EventLog log_;
};

class RollerCoasterProblem final : public Problem {
 public:
  RollerCoasterProblem() : all_(rides()) {}
  std::string slug() const override { return "roller-coaster"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const Ride& r : rides()) cases.push_back({r.input(), r.capacity * r.rides + 1, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<CoasterTrial>(all_.at(c.index), together);
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == kCar ? "car()" : "passenger()";
  }

 private:
  std::vector<Ride> all_;                  // in cases() order, as the runners number them
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(RollerCoasterProblem);

}  // namespace cj::roller_coaster
