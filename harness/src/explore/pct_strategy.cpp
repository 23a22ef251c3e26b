#include "explore/pct_strategy.hpp"

#include <algorithm>

#include "explore/random_strategy.hpp"

namespace cj::explore {

void PctStrategy::begin(std::uint64_t seed) {
  rng_.s = seed;
  spurious_left_ = static_cast<int>(rng_.below(3));
  eager_ = rng_.below(2) == 0;
  priorities_.clear();
  const int depth = 1 + static_cast<int>(rng_.below(3));
  // k, the length of an execution, is not learned from earlier executions (that would make an
  // execution depend on the ones before it and break replay from its index): draw a scale.
  static constexpr std::uint64_t kScales[] = {32, 128, 512, 2048};
  const std::uint64_t k = kScales[rng_.below(4)];
  change_points_.clear();
  for (int i = 1; i < depth; ++i) change_points_.push_back(1 + rng_.below(k));
  std::sort(change_points_.begin(), change_points_.end());
  next_change_ = 0;
  step_ = 0;
  low_ = 0;
  last_ = -1;
  run_length_ = 0;
}

long long PctStrategy::priority(int id) {
  const auto i = static_cast<std::size_t>(id);
  if (i >= priorities_.size()) priorities_.resize(i + 1, kUnset);
  if (priorities_[i] != kUnset) return priorities_[i];
  // New threads get a random priority above every demoted one.
  priorities_[i] = 1000 + static_cast<long long>(rng_.below(1000000));
  return priorities_[i];
}

Pick PctStrategy::pick(const Options& o) {
  if (Pick w = random_wakeup(o, rng_, spurious_left_, eager_); w.thread >= 0) return w;
  return {pick_thread(o.runnable, o.current, o.yielded), Pick::How::run};
}

int PctStrategy::pick_thread(const std::vector<int>& runnable, int current, bool yielded) {
  ++step_;
  if (yielded && current >= 0) demote(current);
  while (next_change_ < change_points_.size() && change_points_[next_change_] <= step_) {
    if (current >= 0) demote(current);
    ++next_change_;
  }
  int best = runnable.front();
  for (int id : runnable)
    if (priority(id) > priority(best)) best = id;
  if (best == last_ && runnable.size() > 1 && ++run_length_ > 2000) {
    // A thread that runs this long while others could run is spinning on something: let the
    // others in, as a fair scheduler would.
    demote(best);
    run_length_ = 0;
    return pick_thread(runnable, -1, false);
  }
  if (best != last_) run_length_ = 0;
  last_ = best;
  return best;
}

}  // namespace cj::explore
