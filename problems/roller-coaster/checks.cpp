// The compiled-once part of the Roller coaster driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <utility>

namespace cj::roller_coaster {

namespace {

std::string phase_name(Phase phase, int ride) {
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

std::string list(const std::vector<int>& actors) {
  std::string s;
  for (std::size_t i = 0; i < actors.size(); ++i)
    s += (i == 0                   ? "passenger "
          : i + 1 == actors.size() ? " and "
                                   : ", ") +
         std::to_string(actors[i]);
  return s;
}

Check fail(std::string reason) { return Failure{"wrong_answer", std::move(reason), "", "", ""}; }

}  // namespace

Check check_log(const Ride& spec, const EventLog& log) {
  if (log.overflowed()) return fail("the callbacks were called far more often than the rides need");
  Phase phase = kBeforeLoad;
  int ride = 0;
  std::vector<int> aboard;                           // who is in the car now
  std::vector<int> state(spec.passengers() + 1, 0);  // 0 waiting, 1 aboard, 2 done
  const int c = spec.capacity;
  for (std::size_t i = 0; i < log.size(); ++i) {
    const Event e = log[i];
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
        if (ride == spec.rides)
          return fail("the car called load() for a ride " + std::to_string(ride + 1) +
                      ", but it makes only " + std::to_string(spec.rides));
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
  if (ride < spec.rides)
    return fail("car() returned after " + std::to_string(ride) + " of " +
                std::to_string(spec.rides) + " rides: the car makes every ride");
  if (phase != kUnloading)
    return fail("car() returned " + phase_name(phase, ride) + ": every ride ends with unload()");
  for (int p = 1; p <= spec.passengers(); ++p)
    if (state[p] != 2)
      return fail(passenger(p) + (state[p] == 0 ? " never boarded" : " never unboarded") +
                  ": every passenger rides once");
  return std::nullopt;
}

std::string stuck_text(const Ride& spec, const EventLog& log) {
  return "the car had called load() " + std::to_string(log.count(kLoad)) + ", run() " +
         std::to_string(log.count(kRun)) + " and unload() " + std::to_string(log.count(kUnload)) +
         " times of " + std::to_string(spec.rides) + "; " + std::to_string(log.count(kBoard)) +
         " boardings and " + std::to_string(log.count(kUnboard)) + " unboardings of " +
         std::to_string(spec.passengers()) + " passengers had happened";
}

}  // namespace cj::roller_coaster
