// The model of an atomic variable: every atomic operation of a controlled thread (load, store,
// read-modify-write, compare-exchange; tsan_atomics.cpp reports them once done) is followed by a
// scheduling point, so the strategy may run another thread between `tail.fetch_add(1)` and the
// plain write that follows it. The operation itself already happened on the real memory, in
// program order: one thread runs at a time, so every order explore produces is sequentially
// consistent (a relaxed load never reads an older store here; the tsan mode and stress on x86
// are what see the weaker orders).
//
// A spin loop on an atomic reaches a scheduling point on every round. A round that changes
// nothing (a load that reads what the same thread's previous load read from the same place, a
// compare-exchange that fails, an exchange that writes back what was there) counts as a failed
// try-operation: after a few, the thread gives way (Scheduler::keep_fair), so that the thread it
// waits for runs, and virtual time moves on when everyone only spins.
#include <atomic>
#include <cstddef>
#include <unordered_map>

#include "explore/scheduler.hpp"
#include "explore/source_lines.hpp"

namespace cj::explore {
namespace {

bool g_every_site = false;

/// Whether each call site seen so far is in the learner's file (source_lines.hpp); read and
/// written under the scheduler's lock.
std::unordered_map<std::uintptr_t, bool>& learner_sites() {
  static auto* sites = new std::unordered_map<std::uintptr_t, bool>();
  return *sites;
}

/// A direct-mapped copy of learner_sites() that is read without the lock (entry: the call site
/// shifted left once, its answer in bit 0), so that the driver's and the library's atomics,
/// most of those a trial makes, cost a load and no lock.
constexpr std::size_t kSiteCache = 1024;
std::atomic<std::uintptr_t> g_site_cache[kSiteCache];

std::atomic<std::uintptr_t>& cache_entry(std::uintptr_t caller) {
  return g_site_cache[(caller >> 2) % kSiteCache];
}

Op op_of(AtomicKind kind) {
  switch (kind) {
    case AtomicKind::load:
      return Op::atomic_load;
    case AtomicKind::store:
      return Op::atomic_store;
    case AtomicKind::rmw:
      return Op::atomic_rmw;
    case AtomicKind::cas_fails:
      return Op::atomic_cas_fails;
  }
  return Op::atomic_rmw;
}

}  // namespace

void schedule_every_atomic(bool on) { g_every_site = on; }

void Scheduler::atomic(Thread* me, std::uintptr_t caller, const volatile void* address,
                       AtomicKind kind, std::uint64_t value, bool unchanged) {
  const void* at = const_cast<const void*>(address);
  // Only the learner's atomics are scheduling points: the driver's recorders (a history's
  // clock, an event counter) and the standard library's own bookkeeping called from outside
  // the learner's code stay single steps of the code around them, as before atomics were seen.
  const std::uintptr_t cached = cache_entry(caller).load(std::memory_order_relaxed);
  if (cached >> 1 == caller && !(cached & 1) && !g_every_site) return;
  lock();
  if (released_.load(std::memory_order_relaxed)) {
    unlock();
    return;
  }
  if (cached >> 1 != caller) {
    auto site = learner_sites().find(caller);
    if (site == learner_sites().end()) {
      Thread* const self = t_self;
      t_self = nullptr;  // what the lookup calls must not reach the model
      site = learner_sites().emplace(caller, in_learner_file(caller)).first;
      t_self = self;
    }
    cache_entry(caller).store(caller << 1 | (site->second ? 1 : 0), std::memory_order_relaxed);
    if (!site->second && !g_every_site) {
      unlock();
      return;
    }
  }
  bool repeats = unchanged;
  if (kind == AtomicKind::load) {
    repeats = me->last_load == at && me->last_load_value == value;
    me->last_load = at;
    me->last_load_value = value;
  } else {
    me->last_load = nullptr;
  }
  if (repeats) me->spun = true;
  // An atomic that is also a futex word (std::atomic<int>::wait, a semaphore's counter) keeps
  // the object the futex calls made of it.
  const auto known = object_index_.find(at);
  const int object = known != object_index_.end() ? known->second : object_for(at, 'a');
  record(me, op_of(kind), object, kind == AtomicKind::load ? static_cast<std::int64_t>(value) : 0);
  switch_point(me);
  unlock();
}

}  // namespace cj::explore
