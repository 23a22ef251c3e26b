// The model of an atomic variable: every atomic operation of a controlled thread (load, store,
// read-modify-write, compare-exchange; tsan_entry_points.cpp reports them once done) is followed by
// a scheduling point, so the strategy may run another thread between `tail.fetch_add(1)` and the
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
#include "explore/call_sites.hpp"
#include "explore/scheduler.hpp"

namespace cj::explore {
namespace {

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

void Scheduler::atomic(Thread* me, std::uintptr_t caller, const volatile void* address,
                       AtomicKind kind, std::uint64_t value, bool unchanged) {
  const void* at = const_cast<const void*>(address);
  // Only the learner's atomics are scheduling points (call_sites.hpp); every atomic orders
  // threads for the race detector.
  const int site = cached_site(caller);
  if ((site == 0 && !races_.enabled()) || t_in_model) return;
  lock();
  if (released_.load(std::memory_order_relaxed) || ended_) {
    unlock();
    return;
  }
  const bool learner = site == 1 || (site < 0 && learner_site(caller));
  if (!learner) {  // ordering only; no model object, no event
    const auto sync = reinterpret_cast<std::uintptr_t>(at);
    races_.acquire(me->id, sync);
    if (kind == AtomicKind::store || kind == AtomicKind::rmw) races_.release(me->id, sync);
    unlock();
    return;
  }
  // An atomic that is also a futex word (std::atomic<int>::wait, a semaphore's counter) keeps
  // the object the futex calls made of it.
  const auto known = object_index_.find(at);
  const int object = known != object_index_.end() ? known->second : object_for(at, 'a');
  bool repeats = unchanged;
  if (kind == AtomicKind::load) {
    repeats = me->last_load == at && me->last_load_value == value;
    me->last_load = at;
    me->last_load_value = value;
  } else {
    me->last_load = nullptr;
  }
  if (repeats) me->spun = true;
  record(me, op_of(kind), object, kind == AtomicKind::load ? static_cast<std::int64_t>(value) : 0);
  switch_point(me);
  unlock();
}

}  // namespace cj::explore
