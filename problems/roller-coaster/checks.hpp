// Roller coaster, the part of the driver that does not need the learner's class: the rides, the
// events the callbacks log, and the replay of that log as the car's story. Compiled once
// (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/problem.hpp"

namespace cj::roller_coaster {

enum What { kLoad, kRun, kUnload, kBoard, kUnboard };
/// Where the car is in a ride, as the checker replays the log.
enum Phase { kBeforeLoad, kLoading, kRunning, kUnloading };
constexpr int kCar = 0;  // actor 0 is the car; actors 1.. are passengers

struct Ride {
  int capacity;
  int rides;
  int passengers() const { return capacity * rides; }
  std::string input() const {
    return "capacity = " + std::to_string(capacity) + ", rides = " + std::to_string(rides);
  }
};

inline std::vector<Ride> rides() {
  return {{1, 1}, {1, 3}, {2, 1}, {2, 3}, {3, 2}, {4, 1}, {2, 5}, {3, 3}, {4, 3}, {5, 2}};
}

inline std::string passenger(int actor) { return "passenger " + std::to_string(actor); }

/// Replays the log (see driver.hpp); nullopt when it tells a correct story.
Check check_log(const Ride& spec, const EventLog& log);

/// For a stall: how many of each callback had happened.
std::string stuck_text(const Ride& spec, const EventLog& log);

}  // namespace cj::roller_coaster
