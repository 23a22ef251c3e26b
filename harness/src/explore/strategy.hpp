// How the explorer makes every nondeterministic choice of an execution.
//
// A strategy lives across many executions. Before each execution the explorer calls begin() with
// that execution's seed; every choice of the execution must follow from that seed and the
// choices made so far, so that the same seed replays the same schedule. Then, for each
// scheduling decision, the explorer calls pick() with what may happen next (which thread runs,
// or which blocked thread wakes without anyone's help), and pick_index() wherever POSIX leaves an
// outcome open (which waiter a signal wakes). end() closes the execution.
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
  /// Uniform in [0, n) for n < 2^32 (Lemire's multiply-shift, no division); n > 0.
  std::uint64_t below(std::uint64_t n) noexcept { return ((next() >> 32) * n) >> 32; }
};

/// One model object a step touched, for partial-order reduction (DfsStrategy's sleep sets).
/// object -1 stands for anything the model cannot classify (thread start, create, join and
/// finish, yields, sleeps, time, callbacks, futex words, timed waits, a step that reached no
/// model operation at all): such a step is dependent with every other step.
struct Access {
  int object = -1;
  bool read_only = false;  // e.g. a failed trylock, a signal nobody waited for
  bool operator==(const Access& o) const noexcept {
    return object == o.object && read_only == o.read_only;
  }
};

/// Whether two steps (what each touched) may not commute: they touch one object and one of them
/// does not only read it, or either is unclassified (an empty list counts as unclassified).
inline bool dependent(const std::vector<Access>& a, const std::vector<Access>& b) noexcept {
  if (a.empty() || b.empty()) return true;
  for (const Access& x : a) {
    if (x.object < 0) return true;
    for (const Access& y : b)
      if (y.object < 0 || (x.object == y.object && !(x.read_only && y.read_only))) return true;
  }
  return false;
}

/// What may happen at a scheduling decision. Every list holds thread ids in ascending order.
struct Options {
  std::vector<int> runnable;  // threads that can run; never empty
  std::vector<int> spurious;  // threads waiting on a condition variable (may wake spuriously)
  std::vector<int> early;     // threads in a timed wait or sleep (their time may end now)
  int current = -1;           // the thread that asked (maybe blocked or returned), or -1
  bool yielded = false;       // it gave way (a yield, a sleep): run others first if they can
  // For partial-order reduction: what the steps taken since the previous pick() touched (the
  // chosen thread's, and any step the explorer took without asking), empty when unknown; and
  // whether fairness (Scheduler::keep_fair) constrains this decision or may soon (some runnable
  // thread gave way, or one ran long), in which case history matters and nothing may sleep.
  std::vector<Access> step;
  bool fairness_active = false;
};

/// What the strategy chose: a thread and how it comes to run.
struct Pick {
  enum class How : std::uint8_t { run, spurious_wakeup, early_timeout };
  int thread = -1;
  How how = How::run;
};

/// One choice a strategy made, as recorded for a replay: a Pick (which thread, how it comes to
/// run) or a pick_index() answer.
struct Choice {
  enum class Kind : std::uint8_t { run, spurious_wakeup, early_timeout, index };
  Kind kind = Kind::run;
  int value = 0;  // the thread, or the index
  bool operator==(const Choice& o) const noexcept { return kind == o.kind && value == o.value; }
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  /// The name the replay command passes back with --strategy.
  virtual std::string name() const = 0;
  /// A new execution is starting.
  virtual void begin(std::uint64_t seed) = 0;
  /// The next step: a thread of options.runnable to run, or one of options.spurious /
  /// options.early to wake first.
  virtual Pick pick(const Options& options) = 0;
  /// One of n equally legal outcomes, 0 <= result < n (n >= 2).
  virtual std::size_t pick_index(std::size_t n) = 0;
  /// The execution ended after `steps` decisions.
  virtual void end(std::uint64_t steps) { (void)steps; }
  /// True when a systematic strategy has tried every schedule it covers.
  virtual bool exhausted() const { return false; }
  /// Whether pick() reads Options::step and Options::fairness_active (else the explorer leaves
  /// them empty and false, and saves their cost).
  virtual bool uses_steps() const { return false; }
  /// A systematic strategy's preemption bound, or -1.
  virtual int preemption_bound() const { return -1; }
};

/// The strategies by name.
enum class StrategyKind : std::uint8_t { random, pct, dfs };
/// Their names, in StrategyKind order: the one table the command line and reports use.
inline constexpr const char* kStrategyNames[] = {"random", "pct", "dfs"};
/// The kind named `name`; false for an unknown name.
bool parse_strategy(const std::string& name, StrategyKind* kind);
std::unique_ptr<Strategy> make_strategy(StrategyKind kind);

}  // namespace cj::explore
