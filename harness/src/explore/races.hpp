// The explorer's data race detector: happens-before over the model's own synchronisation, with
// vector clocks (Lamport; FastTrack's epochs for the accesses), so that two accesses of the
// learner's code to the same bytes, at least one a write, with no chain of synchronisation
// between them, are a `data_race` found in explore, with the schedule that shows it.
//
// The plain build instruments the memory accesses of the whole file (clang's ThreadSanitizer
// pass, no runtime: tsan_entry_points.cpp); only those whose call site the line table puts in
// the learner's file are checked. Synchronisation is every model event that orders threads
// (Scheduler::order): a mutex's unlock releases and its lock acquires, a notify releases the
// condition variable and the woken wait acquires it, likewise futex words, semaphores, rwlocks
// and once flags; thread creation hands the parent's clock to the child, a join takes the
// joined thread's; and every atomic operation, whatever its memory order, acquires and (when it
// writes) releases its variable. Counting relaxed atomics as synchronisation and ignoring weak
// orders makes the detector see fewer races, never more: it may miss a race, and what it
// reports is one.
//
// Tables are flat and outlive executions (a new execution bumps a generation instead of
// freeing them): an execution of a small answer makes a few dozen synchronisations and accesses,
// and allocating for each would cost more than the execution. One thread runs at a time and the
// scheduler's lock guards every call: no locking here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
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
  /// Threads of one execution the detector follows; an execution that starts more is not
  /// checked from then on (a race may be missed, none is invented).
  static constexpr int kMaxThreads = 64;

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
  using Clock = std::array<std::uint32_t, kMaxThreads>;
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
  /// An open-addressing table from a key to a value, emptied by a new generation.
  template <class Value>
  struct Table {
    struct Slot {
      std::uintptr_t key = 0;
      std::uint32_t generation = 0;
      Value value{};
    };
    std::vector<Slot> slots = std::vector<Slot>(1024);
    std::size_t used = 0;
    /// The slot of `key` this generation, made empty when new; nullptr when absent and not
    /// `insert`.
    Value* find(std::uintptr_t key, std::uint32_t generation, bool insert);
  };

  bool valid(int thread) const { return thread >= 0 && thread < kMaxThreads; }
  Clock& clock_of(int thread);
  void join_into(Clock& into, const Clock& from) const;
  /// Whether `a` happens before the current point of `thread`.
  bool ordered(const Access& a, int thread);
  void report(std::uintptr_t address, const Access& earlier, bool earlier_write, int thread,
              bool write, std::uintptr_t pc);

  bool enabled_ = false;
  std::uint32_t generation_ = 0;
  int width_ = 0;  // threads seen this execution: how much of a clock is in use
  std::vector<Clock> threads_ = std::vector<Clock>(kMaxThreads);
  std::vector<bool> started_ = std::vector<bool>(kMaxThreads);
  Table<std::uint32_t> sync_;  // address -> index into clocks_ (+1; 0: none yet)
  std::vector<Clock> clocks_;
  std::size_t clocks_used_ = 0;
  Table<Granule> shadow_;  // address / 8 -> its accesses
  std::optional<Race> race_;
};

}  // namespace cj::explore
