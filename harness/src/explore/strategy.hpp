// How the explorer chooses which thread runs next.
//
// A strategy lives across many executions. Before each execution the explorer calls begin() with
// that execution's seed; every choice of the execution must follow from that seed and the
// choices asked so far, so that the same seed replays the same schedule. Then, for each
// scheduling decision, the explorer calls pick() with the threads that can run.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cj::explore {

/// A small fast generator; every random choice of an execution comes from one of these.
struct SplitMix64 {
  std::uint64_t s = 0;
  std::uint64_t next() noexcept {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  /// The name the replay command passes back with --strategy.
  virtual std::string name() const = 0;
  /// A new execution is starting.
  virtual void begin(std::uint64_t seed) = 0;
  /// Which of these runnable threads runs next. `runnable` holds thread ids in ascending order
  /// and is never empty. `current` is the thread that asked (it may be missing from runnable
  /// when it blocked or returned), or -1; `yielded` says it gave way (a yield, a sleep) and
  /// should run after the others if they can run.
  virtual int pick(const std::vector<int>& runnable, int current, bool yielded) = 0;
  /// The execution ended after `steps` decisions (lets a strategy learn typical lengths).
  virtual void end(std::uint64_t steps) { (void)steps; }
  /// True when a systematic strategy has tried every schedule it covers.
  virtual bool exhausted() const { return false; }
  /// False when sleeps and timed waits may only end once no thread can run (virtual time moves
  /// on); true lets the explorer also end them early in some executions, as a delayed thread
  /// would see. A systematic search wants the former: an early timeout is always a choice.
  virtual bool eager_time() const { return true; }
};

/// "random", "pct", "dfs"; nullptr for an unknown name.
std::unique_ptr<Strategy> make_strategy(const std::string& name);

}  // namespace cj::explore
