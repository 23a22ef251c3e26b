// 1279 Traffic Light Controlled Intersection: one thread per car, all sharing one TrafficLight.
// The callbacks keep the light's colour and who is inside the intersection: crossCar() holds the
// car there for a short moment, so the checker sees what the solution allows rather than what it
// printed. Cars of the two roads are never inside together, a car crosses only on its road's
// green, turnGreen() is called only on a red road, and every car crosses exactly once. The cases
// and the check of the crossings are compiled once (checks.hpp); this file holds the trial.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::traffic_light {

class IntersectionTrial final : public Trial {
 public:
  IntersectionTrial(const Traffic& traffic, bool arrive_together)
      : cars_(traffic.cars),
        arrive_together_(arrive_together),
        crossed_(std::make_unique<std::atomic<int>[]>(cars_.size())) {}

  void run(int actor) override {
    if (arrive_together_) wait_for_the_others();
    const Car car = cars_[actor];
    light_.carArrived(
        car.id, car.road(), car.direction, [this, actor] { turn_green(actor); },
        [this, actor] { cross(actor); });
  }

  Check check() override {
    if (failed_.load(std::memory_order_relaxed)) return failure_;
    return check_crossings(cars_, crossed());
  }

  std::string stuck_state() const override {
    return stuck_text(cars_, crossed(), green_.load(std::memory_order_relaxed));
  }

 private:
  // Both roads' counts of cars inside the intersection share one word (road A in the low half,
  // road B in the high half), so that one read-modify-write on entry sees the other road exactly.
  static constexpr std::uint32_t kOne[3] = {0, 1, 1u << 16};
  static std::uint32_t count_on(std::uint32_t inside, int road) {
    return road == 1 ? inside & 0xffff : inside >> 16;
  }
  // How long a car stays inside: ~10 µs, enough to overlap with a car that is let in wrongly.
  static constexpr int kCrossingPauses = 200;

  // Relaxed atomics throughout: the bookkeeping must not add a happens-before edge between the
  // cars' threads, which would hide a data race in the solution from ThreadSanitizer.
  void turn_green(int actor) {
    const Car car = cars_[actor];
    const int road = car.road(), other = 3 - road;
    const int was = green_.exchange(road, std::memory_order_relaxed);
    if (was == road) {
      fail(car_name(car.id) + " called turnGreen() while " + road_name(road) +
           " was already green: turn the light only when it is red for the car's road");
    } else if (const std::uint32_t n = count_on(inside_.load(std::memory_order_relaxed), other)) {
      fail(car_name(car.id) + " turned " + road_name(road) + " green while " +
           (n == 1 ? "a car" : std::to_string(n) + " cars") + " of " + road_name(other) + " (" +
           car_name(last_in_[other].load(std::memory_order_relaxed)) + (n == 1 ? "" : ", ...") +
           (n == 1 ? ") was" : ") were") + " still in the intersection");
    }
    note_progress();
  }

  void cross(int actor) {
    const Car car = cars_[actor];
    const int road = car.road(), other = 3 - road;
    if (const int green = green_.load(std::memory_order_relaxed); green != road) {
      fail(car_name(car.id) + " crossed on " + road_name(road) + " while the light was green on " +
           road_name(green) + ": call turnGreen() first when the car's road is red");
    }
    last_in_[road].store(car.id, std::memory_order_relaxed);
    const std::uint32_t before = inside_.fetch_add(kOne[road], std::memory_order_relaxed);
    if (count_on(before, other)) {
      fail(car_name(car.id) + " of " + road_name(road) + " entered the intersection while " +
           car_name(last_in_[other].load(std::memory_order_relaxed)) + " of " + road_name(other) +
           " was crossing it: cars of different roads never cross at the same time");
    }
    for (int i = 0; i < kCrossingPauses; ++i) __builtin_ia32_pause();
    // With more cars than cores, the car of the other road may not even be running: in trials
    // whose cars arrived together, let it run while this car is inside.
    if (arrive_together_) std::this_thread::yield();
    inside_.fetch_sub(kOne[road], std::memory_order_relaxed);
    crossed_[actor].fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }

  /// Two roads' cars overlap only inside one trial, and threads that drift through a batch at
  /// their own pace rarely are in the same trial at once: some trials make all cars arrive
  /// together. Bounded and relaxed, so it neither hangs on a runner that runs actors one by one
  /// nor orders them.
  void wait_for_the_others() {
    const int cars = static_cast<int>(cars_.size());
    arrived_.fetch_add(1, std::memory_order_relaxed);
    for (int spins = 0; spins < 20000 && arrived_.load(std::memory_order_relaxed) < cars; ++spins)
      std::this_thread::yield();
  }

  /// Per car, how often it called crossCar() so far.
  std::vector<int> crossed() const {
    std::vector<int> times;
    for (std::size_t i = 0; i < cars_.size(); ++i)
      times.push_back(crossed_[i].load(std::memory_order_relaxed));
    return times;
  }

  /// Keeps the first failure; later ones are usually its consequences.
  void fail(std::string reason) {
    if (!failed_.exchange(true, std::memory_order_relaxed))
      failure_ = Failure{"wrong_answer", std::move(reason), "", ""};
  }

  const std::vector<Car> cars_;
  const bool arrive_together_;
  std::atomic<int> arrived_{0};
  ::TrafficLight light_;
  std::atomic<int> green_{1};  // the road whose light is green; road A starts green
  std::atomic<std::uint32_t> inside_{0};
  std::atomic<int> last_in_[3] = {0, 0, 0};  // per road, the car that entered last (for reports)
  std::unique_ptr<std::atomic<int>[]> crossed_;  // per car, how often it called crossCar()
  std::atomic<bool> failed_{false};
  Failure failure_;  // written only by the thread that set failed_; read by check()
};

class TrafficLightIntersection final : public Problem {
 public:
  TrafficLightIntersection() {
    for (Traffic& t : traffics()) by_index_.push_back(std::move(t));
  }
  std::string slug() const override { return "traffic-light-controlled-intersection"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const Traffic& t : traffics()) {
      Case c{t.input(), static_cast<int>(t.cars.size()), {}};
      for (int a = 0; a < c.actors; ++a) c.start_order.push_back(a);  // in order of arrival
      cases.push_back(std::move(c));
    }
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool arrive_together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<IntersectionTrial>(by_index_.at(c.index), arrive_together);
  }
  std::string actor_name(const Case& c, int actor) const override {
    const Car car = by_index_.at(c.index).cars[actor];
    return "carArrived(" + std::to_string(car.id) + ", " + std::to_string(car.road()) + ", " +
           std::to_string(car.direction) + ", ...)";
  }

 private:
  std::vector<Traffic> by_index_;          // in cases() order
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(TrafficLightIntersection);

}  // namespace cj::traffic_light
