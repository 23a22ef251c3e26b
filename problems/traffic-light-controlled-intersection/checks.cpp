// The compiled-once part of the Traffic Light Controlled Intersection driver (checks.hpp).
#include "checks.hpp"

#include <cstdint>
#include <utility>

namespace cj::traffic_light {

std::string Traffic::input() const {
  auto list = [this](auto field) {
    std::string s = "[";
    for (std::size_t i = 0; i < cars.size(); ++i) s += (i ? "," : "") + std::to_string(field(i));
    return s + "]";
  };
  return "cars = " + list([this](std::size_t i) { return cars[i].id; }) +
         ", directions = " + list([this](std::size_t i) { return cars[i].direction; }) +
         ", arrivalTimes = " + list([this](std::size_t i) { return arrivals[i]; });
}

std::vector<Traffic> traffics() {
  std::vector<Traffic> t = {
      {{{1, 2}, {3, 1}, {5, 2}, {2, 4}, {4, 3}}, {10, 20, 30, 40, 50}},  // LeetCode's example 1
      {{{1, 2}, {2, 4}, {3, 3}, {4, 3}, {5, 1}}, {10, 20, 30, 40, 40}},  // LeetCode's example 2
      {{{1, 1}}, {10}},
      {{{1, 4}}, {10}},
      {{{1, 3}, {2, 4}, {3, 3}, {4, 4}, {5, 3}}, {10, 10, 10, 10, 10}},
      {{{1, 3}, {2, 1}, {3, 4}, {4, 2}, {5, 3}, {6, 1}, {7, 4}, {8, 2}},
       {10, 10, 20, 20, 30, 30, 40, 40}},
  };
  std::uint64_t state = 0x1279;  // a fixed LCG: the same cases on every machine and library
  auto next = [&state](int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  };
  for (int n : {3, 6, 10, 12, 15, 20}) {
    Traffic traffic;
    std::vector<int> ids;
    for (int id = 1; id <= n; ++id) ids.push_back(id);
    for (int i = n - 1; i > 0; --i) std::swap(ids[i], ids[next(i + 1)]);
    int time = 0;
    for (int i = 0; i < n; ++i) {
      traffic.cars.push_back({ids[i], 1 + next(4)});
      time += 5 * next(3);  // equal arrival times now and then
      traffic.arrivals.push_back(time + 10);
    }
    t.push_back(traffic);
  }
  return t;
}

Check check_crossings(const std::vector<Car>& cars, const std::vector<int>& times) {
  for (std::size_t i = 0; i < cars.size(); ++i) {
    if (times[i] != 1) {
      return Failure{"wrong_answer",
                     car_name(cars[i].id) + " crossed " +
                         (times[i] == 0 ? "never" : std::to_string(times[i]) + " times") +
                         ": every car calls crossCar() exactly once",
                     "", "", ""};
    }
  }
  return std::nullopt;
}

std::string stuck_text(const std::vector<Car>& cars, const std::vector<int>& times, int green) {
  std::string waiting;
  int n = 0;
  for (std::size_t i = 0; i < cars.size(); ++i)
    if (times[i] == 0) waiting += (n++ ? ", " : "") + std::to_string(cars[i].id);
  return "the light was green on " + road_name(green) +
         (n == 0   ? " and every car had crossed"
          : n == 1 ? " and car " + waiting + " had not crossed yet"
                   : " and cars " + waiting + " had not crossed yet");
}

}  // namespace cj::traffic_light
