// The explorer's data race detector: happens-before over the model's own synchronisation, with
// vector clocks (Lamport; FastTrack's epochs for the accesses), so that two accesses of the
// learner's code to the same bytes, at least one a write, with no chain of synchronisation
// between them, are a `data_race` found in explore, with the schedule that shows it.
//
// The plain build instruments the memory accesses of the whole file (clang's ThreadSanitizer
// pass, no runtime: tsan_entry_points.cpp); only those whose call site the line table puts in
// the learner's file are checked. Synchronisation is every model event that orders threads
// (Scheduler::record): a mutex's unlock releases and its lock acquires, a notify releases the
// condition variable and the woken wait acquires it, likewise futex words, semaphores, rwlocks
// and once flags; thread creation hands the parent's clock to the child, a join takes the
// joined thread's; and every atomic operation, whatever its memory order, acquires and (when it
// writes) releases its variable. Counting relaxed atomics as synchronisation and ignoring weak
// orders makes the detector see fewer races, never more: it may miss a race, and what it
// reports is one.
//
// One thread runs at a time and the scheduler's lock guards every call: no locking here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace cj::explore {

struct Race {
  std::uintptr_t address = 0;
  int earlier_thread = -1, later_thread = -1;
  bool earlier_write = false, later_write = false;
  std::uintptr_t earlier_pc = 0, later_pc = 0;
};

class RaceDetector {
 public:
  /// A new execution: no thread, no clock, no access remembered.
  void reset(bool enabled);
  bool enabled() const { return enabled_; }

  /// Thread `child` starts with what `parent` (-1: none, an actor) had done.
  void create(int parent, int child);
  /// Thread `joiner` has seen everything thread `joined` did.
  void join(int joiner, int joined);
  /// Synchronisation on the object at `sync` (a mutex, a condition variable, an atomic...):
  /// keyed by address, so that the kinds the model gives one address over time share a clock.
  void acquire(int thread, std::uintptr_t sync);
  void release(int thread, std::uintptr_t sync);

  /// An access of `size` bytes at `address` by `thread`, from the learner's code at `pc`.
  /// Returns true the first time one races with an earlier access (race() says which).
  bool access(int thread, std::uintptr_t address, unsigned size, bool write, std::uintptr_t pc);
  /// Memory given back to the allocator: what was done there is forgotten.
  void forget(std::uintptr_t address, std::size_t size);

  const std::optional<Race>& race() const { return race_; }

 private:
  using Clock = std::vector<std::uint32_t>;
  struct Access {
    std::int32_t thread = -1;
    std::uint32_t epoch = 0;
    std::uint8_t bytes = 0;  // which bytes of the 8-byte granule
    std::uintptr_t pc = 0;
  };
  struct Granule {
    Access write;
    Access reads[4];  // the latest read of each thread and bytes, four at most
  };

  Clock& clock_of(int thread);
  /// Whether `a` happens before the current point of `thread`.
  bool ordered(const Access& a, int thread);
  void report(std::uintptr_t address, const Access& earlier, int thread, bool write,
              std::uintptr_t pc);

  bool enabled_ = false;
  std::vector<Clock> threads_;
  std::unordered_map<std::uintptr_t, Clock> objects_;
  std::unordered_map<std::uintptr_t, Granule> shadow_;  // by address / 8
  std::optional<Race> race_;
  bool earlier_was_write_ = false;
};

}  // namespace cj::explore
