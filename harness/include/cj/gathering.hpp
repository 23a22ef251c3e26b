// Small pieces the drivers of crowd problems (boats, cars, bathrooms) share: a loose gathering
// of every actor before a trial's calls, and naming several actors in one sentence.
#pragma once

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace cj {

/// Some trials make every actor arrive at once, so that groups form from a crowd rather than
/// one by one. Bounded and relaxed: it neither hangs a runner that runs actors one at a time nor
/// orders them.
class LooseGathering {
 public:
  explicit LooseGathering(int everyone) : everyone_(everyone) {}
  void arrive() {
    arrived_.fetch_add(1, std::memory_order_relaxed);
    for (int spins = 0; spins < 20000 && arrived_.load(std::memory_order_relaxed) < everyone_;
         ++spins)
      std::this_thread::yield();
  }

 private:
  const int everyone_;
  std::atomic<int> arrived_{0};
};

/// "hacker 0, serf 3 and hacker 5": each actor named by `name`, joined as a sentence does.
template <class Name>
std::string listed(const std::vector<int>& actors, Name name) {
  std::string s;
  for (std::size_t i = 0; i < actors.size(); ++i)
    s += (i == 0 ? "" : i + 1 == actors.size() ? " and " : ", ") + name(actors[i]);
  return s;
}

}  // namespace cj
