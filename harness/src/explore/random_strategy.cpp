// Random walk: each decision picks uniformly among the runnable threads. On small programs it is
// as good as anything cleverer, and it costs nothing.
#include "explore/random_strategy.hpp"

namespace cj::explore {

void RandomStrategy::begin(std::uint64_t seed) { rng_.s = seed; }

int RandomStrategy::pick(const std::vector<int>& runnable, int current, bool yielded) {
  if (yielded && runnable.size() > 1) {
    // A thread that yields gives way: choose among the others.
    std::uint64_t k = rng_.below(runnable.size() - 1);
    for (int id : runnable) {
      if (id == current) continue;
      if (k-- == 0) return id;
    }
  }
  return runnable[rng_.below(runnable.size())];
}

}  // namespace cj::explore
