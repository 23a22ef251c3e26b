// Roller coaster (Downey, The Little Book of Semaphores, 5.8): one car thread and capacity * rides
// passenger threads share one RollerCoaster; every passenger rides once. The callbacks log what
// the car and the passengers did, and the checker replays the log as the car's story: load(),
// exactly `capacity` boardings, run(), unload(), all of them unboard, and only then the next
// load(). Nobody boards a car that has not called load(), is full, running or unloading, and
// nobody steps off before unload().
#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/gathering.hpp"
#include "cj/harness.hpp"

namespace cj::roller_coaster {

enum What { kLoad, kRun, kUnload, kBoard, kUnboard };
/// Where the car is in a ride, as the checker replays the log.
enum Phase { kBeforeLoad, kLoading, kRunning, kUnloading };
constexpr int kCar = 0;  // actor 0 is the car; actors 1.. are passengers

struct Ride {
  int capacity;
  int rides;
  std::string input() const {
    return "capacity = " + std::to_string(capacity) + ", rides = " + std::to_string(rides);
  }
};

inline std::vector<Ride> rides() {
  return {{1, 1}, {1, 3}, {2, 1}, {2, 3}, {3, 2}, {4, 1}, {2, 5}, {3, 3}, {4, 3}, {5, 2}};
}

inline std::string passenger(int actor) { return "passenger " + std::to_string(actor); }

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

  Check check() override {
    if (log_.overflowed())
      return fail("the callbacks were called far more often than the rides need");
    Phase phase = kBeforeLoad;
    int ride = 0;
    std::vector<int> aboard;                      // who is in the car now
    std::vector<int> state(passengers() + 1, 0);  // 0 waiting, 1 aboard, 2 done
    const int c = ride_.capacity;
    for (std::size_t i = 0; i < log_.size(); ++i) {
      const Event e = log_[i];
      switch (e.what) {
        case kLoad:
          if (phase == kLoading || phase == kRunning)
            return fail("the car called load() again " + phase_name(phase, ride) +
                        ": each ride is load(), run(), unload()");
          if (!aboard.empty())
            return fail("the car called load() for ride " + std::to_string(ride + 1) + " while " +
                        list(aboard) + " of ride " + std::to_string(ride) +
                        (aboard.size() == 1 ? " was" : " were") +
                        " still aboard: everyone unboards before the next boarding");
          if (ride == ride_.rides)
            return fail("the car called load() for a ride " + std::to_string(ride + 1) +
                        ", but it makes only " + std::to_string(ride_.rides));
          phase = kLoading;
          ++ride;
          break;
        case kRun:
          if (phase != kLoading)
            return fail("the car called run() " + phase_name(phase, ride) +
                        ": each ride is load(), run(), unload()");
          if (static_cast<int>(aboard.size()) < c)
            return fail("the car left on ride " + std::to_string(ride) + " with " +
                        (aboard.empty() ? "nobody" : list(aboard)) + " aboard, " +
                        std::to_string(aboard.size()) + " of " + std::to_string(c) +
                        " seats: it runs only when full");
          phase = kRunning;
          break;
        case kUnload:
          if (phase != kRunning)
            return fail("the car called unload() " + phase_name(phase, ride) +
                        ": each ride is load(), run(), unload()");
          phase = kUnloading;
          break;
        case kBoard:
          if (state[e.actor] != 0)
            return fail(passenger(e.actor) + " boarded twice: every passenger rides once");
          if (phase != kLoading)
            return fail(passenger(e.actor) + " boarded " + phase_name(phase, ride) +
                        ": passengers board only after load() and before run()");
          if (static_cast<int>(aboard.size()) == c)
            return fail(passenger(e.actor) + " boarded a full car (" + list(aboard) +
                        " had taken its " + std::to_string(c) + " seats)");
          aboard.push_back(e.actor);
          state[e.actor] = 1;
          break;
        case kUnboard:
          if (state[e.actor] != 1)
            return fail(passenger(e.actor) + " unboarded " +
                        (state[e.actor] == 0 ? "without having boarded" : "twice"));
          if (phase != kUnloading)
            return fail(passenger(e.actor) + " unboarded " + phase_name(phase, ride) +
                        ": passengers get off only after unload()");
          aboard.erase(std::find(aboard.begin(), aboard.end(), e.actor));
          state[e.actor] = 2;
          break;
      }
    }
    if (ride < ride_.rides)
      return fail("car() returned after " + std::to_string(ride) + " of " +
                  std::to_string(ride_.rides) + " rides: the car makes every ride");
    if (phase != kUnloading)
      return fail("car() returned " + phase_name(phase, ride) + ": every ride ends with unload()");
    for (int p = 1; p <= passengers(); ++p)
      if (state[p] != 2)
        return fail(passenger(p) + (state[p] == 0 ? " never boarded" : " never unboarded") +
                    ": every passenger rides once");
    return std::nullopt;
  }

  std::string stuck_state() const override {
    return "the car had called load() " + std::to_string(log_.count(kLoad)) + ", run() " +
           std::to_string(log_.count(kRun)) + " and unload() " +
           std::to_string(log_.count(kUnload)) + " times of " + std::to_string(ride_.rides) + "; " +
           std::to_string(log_.count(kBoard)) + " boardings and " +
           std::to_string(log_.count(kUnboard)) + " unboardings of " +
           std::to_string(passengers()) + " passengers had happened";
  }

 private:
  int passengers() const { return ride_.capacity * ride_.rides; }

  static std::string phase_name(Phase phase, int ride) {
    const std::string r = std::to_string(ride);
    switch (phase) {
      case kBeforeLoad:
        return ride == 0 ? "before the first load()"
                         : "after ride " + r + " was unloaded and before the next load()";
      case kLoading:
        return "while ride " + r + " was loading";
      case kRunning:
        return "while the car was running (ride " + r + ")";
      default:
        return "while ride " + r + " was unloading";
    }
  }

  static std::string list(const std::vector<int>& actors) {
    std::string s;
    for (std::size_t i = 0; i < actors.size(); ++i)
      s += (i == 0                   ? "passenger "
            : i + 1 == actors.size() ? " and "
                                     : ", ") +
           std::to_string(actors[i]);
    return s;
  }

  static Check fail(std::string reason) {
    return Failure{"wrong_answer", std::move(reason), "", ""};
  }

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
