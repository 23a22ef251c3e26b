#include "explore/random_strategy.hpp"

namespace cj::explore {

Pick random_wakeup(const Options& options, SplitMix64& rng, int& spurious_left, bool eager) {
  if (spurious_left > 0 && !options.spurious.empty() && rng.below(8) == 0) {
    --spurious_left;
    return {options.spurious[rng.below(options.spurious.size())], Pick::How::spurious_wakeup};
  }
  if (eager && !options.early.empty()) {
    // An early timeout is as likely as any runnable thread's step.
    const std::size_t k = rng.below(options.runnable.size() + options.early.size());
    if (k >= options.runnable.size())
      return {options.early[k - options.runnable.size()], Pick::How::early_timeout};
  }
  return {};
}

void RandomStrategy::begin(std::uint64_t seed) {
  rng_.s = seed;
  spurious_left_ = static_cast<int>(rng_.below(3));
  eager_ = rng_.below(2) == 0;
}

Pick RandomStrategy::pick(const Options& o) {
  if (Pick w = random_wakeup(o, rng_, spurious_left_, eager_); w.thread >= 0) return w;
  const auto& r = o.runnable;
  if (o.yielded && r.size() > 1) {
    // A thread that yields gives way: choose among the others.
    std::uint64_t k = rng_.below(r.size() - 1);
    for (int id : r) {
      if (id == o.current) continue;
      if (k-- == 0) return {id, Pick::How::run};
    }
  }
  return {r[rng_.below(r.size())], Pick::How::run};
}

}  // namespace cj::explore
