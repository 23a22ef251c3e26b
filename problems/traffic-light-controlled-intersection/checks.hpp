// Traffic Light Controlled Intersection, the part of the driver that does not need the learner's
// class: the cars, the cases and their input text, the check of how often each car crossed and
// the stall text. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/problem.hpp"

namespace cj::traffic_light {

struct Car {
  int id;
  int direction;  // 1, 2: road A; 3, 4: road B
  int road() const { return direction <= 2 ? 1 : 2; }
};

inline std::string road_name(int road) { return road == 1 ? "road A" : "road B"; }
inline std::string car_name(int id) { return "car " + std::to_string(id); }

/// A case as LeetCode writes it: cars, directions, arrival times (non-decreasing).
struct Traffic {
  std::vector<Car> cars;
  std::vector<int> arrivals;

  std::string input() const;
};

/// The cases, in order: LeetCode's examples, small ones, then fixed pseudo-random ones.
std::vector<Traffic> traffics();

/// nullopt when every car crossed exactly once; `times` holds, per car, its crossCar() calls.
Check check_crossings(const std::vector<Car>& cars, const std::vector<int>& times);

/// For a stall: which road was green and which cars had not crossed yet.
std::string stuck_text(const std::vector<Car>& cars, const std::vector<int>& times, int green);

}  // namespace cj::traffic_light
