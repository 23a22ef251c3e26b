// The modelled primitives: what each interposed operation does to the model when the calling
// thread is controlled. Every operation starts with a scheduling point; an operation that must
// wait blocks the thread in the model until another thread (or virtual time) wakes it. When the
// execution was released (busy_wait), each one falls back to the real function.
#include <linux/futex.h>

#include <algorithm>
#include <cerrno>

#include "explore/scheduler.hpp"
#include "runner.hpp"

namespace cj::explore {

int Scheduler::object_for(const void* address, char kind) {
  auto [it, inserted] = object_index_.try_emplace(address, static_cast<int>(objects_.size()));
  if (inserted || objects_[it->second].kind != kind) {
    const int number = ++objects_of_kind_[static_cast<unsigned char>(kind)];
    it->second = static_cast<int>(objects_.size());
    objects_.push_back({kind, number, address, {}, false});
  }
  return it->second;
}

Scheduler::MutexState& Scheduler::mutex_state(pthread_mutex_t* m) {
  auto it = mutexes_.find(m);
  if (it != mutexes_.end()) return it->second;
  MutexState s{object_for(m, 'm')};
  s.recursive = (m->__data.__kind & 3) == PTHREAD_MUTEX_RECURSIVE_NP;
  // Locked for real before the explored threads met it (in the constructor, say): held by
  // nobody the model knows until a controlled thread unlocks it.
  if (__atomic_load_n(&m->__data.__lock, __ATOMIC_RELAXED) != 0) {
    s.owner = kOutsideOwner;
    s.count = 1;
  }
  return mutexes_.emplace(m, s).first->second;
}

Scheduler::WaitQueue& Scheduler::queue(AddressTable<WaitQueue>& table, const void* addr,
                                       char kind) {
  auto it = table.find(addr);
  if (it != table.end()) return it->second;
  return table.emplace(addr, WaitQueue{object_for(addr, kind), {}}).first->second;
}

Thread* Scheduler::thread_by_handle(pthread_t handle) {
  for (auto it = threads_.rbegin(); it != threads_.rend(); ++it)
    if (pthread_equal((*it)->handle, handle)) return it->get();
  return nullptr;
}

// ---- mutexes -------------------------------------------------------------------------------

int Scheduler::mutex_lock(Thread* me, pthread_mutex_t* m, clockid_t clock, const timespec* abstime,
                          bool try_only) {
  lock();
  auto forward = [&] {
    unlock();
    if (try_only) return real().mutex_trylock(m);
    if (abstime) return real().mutex_clocklock(m, clock, abstime);
    return real().mutex_lock(m);
  };
  if (!switch_point(me)) return forward();
  MutexState& s = mutex_state(m);
  const std::uint64_t deadline = abstime ? deadline_for(clock, abstime) : 0;
  while (s.owner != kNoOwner && !(s.recursive && s.owner == me->id)) {
    if (try_only) {
      record(me, Op::trylock_fails, s.object, s.owner);
      me->spun = true;  // a retry loop gives way (Scheduler::keep_fair)
      unlock();
      return EBUSY;
    }
    record(me, Op::lock_blocks, s.object, s.owner);
    if (!block(me, WaitKind::mutex, m, abstime != nullptr, deadline)) return forward();
    if (me->timed_out) {
      record(me, Op::lock_times_out, s.object);
      unlock();
      return ETIMEDOUT;
    }
  }
  s.owner = me->id;
  ++s.count;
  record(me, Op::lock, s.object);
  unlock();
  return 0;
}

int Scheduler::mutex_unlock(Thread* me, pthread_mutex_t* m) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return real().mutex_unlock(m);
  }
  MutexState& s = mutex_state(m);
  if (s.owner != me->id) {
    // Unlocking a mutex one does not hold: undefined for a normal mutex; model it as a release.
    s.count = 1;
  }
  if (--s.count <= 0) {
    s.count = 0;
    s.owner = kNoOwner;
    for (auto& t : threads_)
      if (t->wait == WaitKind::mutex && t->on == m) wake(*t, false, false);
  }
  record(me, Op::unlock, s.object);
  // A point after the release too: what the thread does next without any call (an atomic store
  // outside the lock, a print) may then come after other threads' steps, as it can for real.
  switch_point(me);
  unlock();
  return 0;
}

// ---- condition variables -------------------------------------------------------------------

int Scheduler::cond_wait(Thread* me, pthread_cond_t* c, pthread_mutex_t* m, clockid_t clock,
                         const timespec* abstime) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return 0;  // a spurious wakeup: allowed, and the caller still holds m
  }
  MutexState& ms = mutex_state(m);
  WaitQueue& q = queue(conds_, c, 'c');
  record(me, Op::cond_wait, q.object, ms.object);
  // Atomically release m and start waiting.
  const int saved_count = std::max(1, ms.count);
  ms.owner = kNoOwner;
  ms.count = 0;
  for (auto& t : threads_)
    if (t->wait == WaitKind::mutex && t->on == m) wake(*t, false, false);
  q.waiters.push_back(me->id);
  const bool controlled =
      block(me, WaitKind::cond, c, abstime != nullptr, abstime ? deadline_for(clock, abstime) : 0);
  if (!controlled) {
    unlock();
    real().mutex_lock(m);
    return 0;
  }
  remove_waiter(q, me->id);
  const bool timed_out = me->timed_out;
  record(me,
         timed_out      ? Op::cond_timeout
         : me->spurious ? Op::cond_spurious
                        : Op::cond_woken,
         q.object);
  // Re-acquire m before returning, as pthread_cond_wait does.
  while (ms.owner != kNoOwner) {
    record(me, Op::lock_blocks, ms.object, ms.owner);
    if (!block(me, WaitKind::mutex, m, false, 0)) {
      unlock();
      real().mutex_lock(m);
      return timed_out ? ETIMEDOUT : 0;
    }
  }
  ms.owner = me->id;
  ms.count = saved_count;
  record(me, Op::lock, ms.object);
  unlock();
  return timed_out ? ETIMEDOUT : 0;
}

int Scheduler::cond_signal(Thread* me, pthread_cond_t* c, bool all) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return all ? real().cond_broadcast(c) : real().cond_signal(c);
  }
  WaitQueue& q = queue(conds_, c, 'c');
  if (all) {
    record(me, Op::broadcast, q.object, static_cast<std::int64_t>(q.waiters.size()));
    for (int id : q.waiters) wake(*threads_[id], false, false);
    q.waiters.clear();
  } else if (q.waiters.empty()) {
    record(me, Op::signal, q.object, -1);
  } else {
    // Which waiter a signal wakes is not specified: the strategy decides.
    const std::size_t k = q.waiters.size() == 1 ? 0 : pick_index(q.waiters.size());
    const int id = q.waiters[k];
    q.waiters.erase(q.waiters.begin() + static_cast<std::ptrdiff_t>(k));
    wake(*threads_[id], false, false);
    record(me, Op::signal, q.object, id);
  }
  unlock();
  return 0;
}

// ---- futex words (atomic wait/notify, semaphores, latch, barrier, future, call_once) -------

long Scheduler::futex(Thread* me, int* addr, int op, int val, const timespec* timeout) {
  const int cmd = op & FUTEX_CMD_MASK;
  const bool wait = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET;
  const bool wake_cmd = cmd == FUTEX_WAKE || cmd == FUTEX_WAKE_BITSET;
  if (!wait && !wake_cmd) return real().syscall(SYS_futex, addr, op, val, timeout, nullptr, 0);
  lock();
  if (!switch_point(me)) {
    unlock();
    if (wait) return 0;  // a spurious return; every caller re-checks its word
    return real().syscall(SYS_futex, addr, op, val, timeout, nullptr, 0);
  }
  WaitQueue& q = queue(futexes_, addr, 'f');
  if (wake_cmd) {
    const long n = std::min<long>(val, static_cast<long>(q.waiters.size()));
    if (n == 1 && q.waiters.size() > 1) {
      // The kernel does not promise which waiter wakes: the strategy decides.
      const std::size_t k = pick_index(q.waiters.size());
      std::swap(q.waiters[0], q.waiters[k]);
    }
    for (long i = 0; i < n; ++i) wake(*threads_[q.waiters[i]], false, false);
    q.waiters.erase(q.waiters.begin(), q.waiters.begin() + n);
    record(me, Op::futex_wake, q.object, n);
    unlock();
    return n;
  }
  if (__atomic_load_n(addr, __ATOMIC_SEQ_CST) != val) {
    record(me, Op::futex_no_wait, q.object);
    unlock();
    errno = EAGAIN;
    return -1;
  }
  std::uint64_t deadline = 0;
  if (timeout) {
    if (cmd == FUTEX_WAIT) {
      deadline = vnow_ + static_cast<std::uint64_t>(
                             std::max<long>(0, timeout->tv_sec * 1000000000L + timeout->tv_nsec));
    } else {
      deadline =
          deadline_for(op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC, timeout);
    }
  }
  record(me, Op::futex_wait, q.object);
  q.waiters.push_back(me->id);
  if (!block(me, WaitKind::futex, addr, timeout != nullptr, deadline)) {
    unlock();
    return 0;
  }
  remove_waiter(q, me->id);
  const bool timed_out = me->timed_out;
  record(me, timed_out ? Op::futex_timeout : Op::futex_woken, q.object);
  unlock();
  if (timed_out) {
    errno = ETIMEDOUT;
    return -1;
  }
  return 0;
}

// ---- yields and sleeps ----------------------------------------------------------------------

int Scheduler::yield(Thread* me) {
  lock();
  record(me, Op::yield);
  if (!switch_point(me, true)) {
    unlock();
    return real().sched_yield();
  }
  unlock();
  return 0;
}

int Scheduler::sleep(Thread* me, std::int64_t ns) {
  if (ns <= 0) return yield(me);
  lock();
  me->awaits_quiescence = awaiting_quiescence();
  record(me, Op::sleep, -1, ns);
  if (!block(me, WaitKind::sleep, nullptr, true, vnow_ + static_cast<std::uint64_t>(ns))) {
    unlock();
    timespec ts{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
    return real().nanosleep(&ts, nullptr);
  }
  record(me, Op::sleep_done);
  unlock();
  return 0;
}

// ---- threads --------------------------------------------------------------------------------

int Scheduler::create(Thread* me, pthread_t* out, const pthread_attr_t* attr, void* (*start)(void*),
                      void* arg) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return real().create(out, attr, start, arg);
  }
  auto t = new_thread();
  t->id = static_cast<int>(threads_.size());
  t->parent = me->id;
  t->start_routine = start;
  t->start_arg = arg;
  if (attr) {
    int state = PTHREAD_CREATE_JOINABLE;
    pthread_attr_getdetachstate(attr, &state);
    t->detached = state == PTHREAD_CREATE_DETACHED;
  }
  Thread* raw = t.get();
  attach(*raw);
  threads_.push_back(std::move(t));
  *out = raw->handle;
  record(me, Op::create, raw->id);
  unlock();
  return 0;
}

int Scheduler::join(Thread* me, pthread_t handle, void** ret) {
  lock();
  Thread* target = thread_by_handle(handle);
  if (!target) {
    unlock();
    return ESRCH;
  }
  if (target == me) {
    unlock();
    return EDEADLK;
  }
  if (!switch_point(me)) {
    unlock();
    // Released: the target goes on on its host thread; wait for it to finish.
    while (!target->finished.load(std::memory_order_acquire)) real().sched_yield();
    if (ret) *ret = target->result;
    return 0;
  }
  while (!target->finished.load(std::memory_order_relaxed)) {
    record(me, Op::join_blocks, target->id);
    if (!block(me, WaitKind::join, target, false, 0)) {
      unlock();
      while (!target->finished.load(std::memory_order_acquire)) real().sched_yield();
      if (ret) *ret = target->result;
      return 0;
    }
  }
  record(me, Op::join, target->id);
  if (ret) *ret = target->result;
  unlock();
  return 0;
}

int Scheduler::detach(Thread* me, pthread_t handle) {
  lock();
  Thread* target = thread_by_handle(handle);
  if (!target) {
    unlock();
    return ESRCH;
  }
  target->detached = true;
  if (switch_point(me)) record(me, Op::detach, target->id);
  unlock();
  return 0;
}

void Scheduler::exit_thread(Thread* me, void* ret) {
  // The fiber ends here, without unwinding its stack (destructors of its frames do not run).
  me->result = ret;
  end_thread_locals(me);
  finish(me);
}

// ---- once -----------------------------------------------------------------------------------

int Scheduler::once(Thread* me, pthread_once_t* once, void (*init)()) {
  // glibc marks a finished once with bit 1; keep that encoding so uncontrolled calls agree.
  if (__atomic_load_n(once, __ATOMIC_ACQUIRE) & 2) {
    order_at(me, once, false);  // what the init function did happens before what follows
    return 0;
  }
  lock();
  if (!switch_point(me)) {
    unlock();
    while (!(__atomic_load_n(once, __ATOMIC_ACQUIRE) & 2)) {
      auto it = onces_.find(once);
      if (it == onces_.end() || it->second.runner < 0) return real().once(once, init);
      real().sched_yield();
    }
    return 0;
  }
  auto it = onces_.find(once);
  if (it == onces_.end()) it = onces_.emplace(once, OnceState{object_for(once, 'o')}).first;
  OnceState& s = it->second;
  // A finished once whose word reads PTHREAD_ONCE_INIT again is a new flag at a reused address
  // (a std::promise's shared state allocated where a freed one was): it has not run yet.
  if (s.done && s.runner < 0 && !(__atomic_load_n(once, __ATOMIC_ACQUIRE) & 2)) s.done = false;
  while (s.runner >= 0 && !s.done) {
    record(me, Op::once_blocks, s.object, s.runner);
    if (!block(me, WaitKind::once, once, false, 0)) {
      unlock();
      while (!(__atomic_load_n(once, __ATOMIC_ACQUIRE) & 2)) real().sched_yield();
      return 0;
    }
  }
  if (s.done || (__atomic_load_n(once, __ATOMIC_ACQUIRE) & 2)) {
    races_.acquire(me->id, reinterpret_cast<std::uintptr_t>(once));
    unlock();
    return 0;
  }
  s.runner = me->id;
  record(me, Op::once_run, s.object);
  unlock();
  init();
  lock();
  s.done = true;
  s.runner = -1;
  __atomic_store_n(once, 2, __ATOMIC_RELEASE);
  for (auto& t : threads_)
    if (t->wait == WaitKind::once && t->on == once) wake(*t, false, false);
  if (!released_.load(std::memory_order_relaxed)) record(me, Op::once_done, s.object);
  unlock();
  return 0;
}

// ---- rwlocks (std::shared_mutex) ------------------------------------------------------------

int Scheduler::rw_lock(Thread* me, pthread_rwlock_t* rw, bool write, clockid_t clock,
                       const timespec* abstime, bool try_only) {
  lock();
  auto forward = [&] {
    unlock();
    if (write) {
      if (try_only) return real().rw_trywrlock(rw);
      if (abstime) return real().rw_clockwrlock(rw, clock, abstime);
      return real().rw_wrlock(rw);
    }
    if (try_only) return real().rw_tryrdlock(rw);
    if (abstime) return real().rw_clockrdlock(rw, clock, abstime);
    return real().rw_rdlock(rw);
  };
  if (!switch_point(me)) return forward();
  auto it = rwlocks_.find(rw);
  if (it == rwlocks_.end()) it = rwlocks_.emplace(rw, RwState{object_for(rw, 'r')}).first;
  RwState& s = it->second;
  const std::uint64_t deadline = abstime ? deadline_for(clock, abstime) : 0;
  while (s.writer >= 0 || (write && s.readers > 0)) {
    if (try_only) {
      me->spun = true;
      unlock();
      return EBUSY;
    }
    record(me, Op::rw_blocks, s.object, s.writer);
    if (!block(me, WaitKind::rwlock, rw, abstime != nullptr, deadline)) return forward();
    if (me->timed_out) {
      unlock();
      return ETIMEDOUT;
    }
  }
  if (write)
    s.writer = me->id;
  else
    ++s.readers;
  record(me, write ? Op::wr_lock : Op::rd_lock, s.object);
  unlock();
  return 0;
}

int Scheduler::rw_unlock(Thread* me, pthread_rwlock_t* rw) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return real().rw_unlock(rw);
  }
  auto it = rwlocks_.find(rw);
  if (it != rwlocks_.end()) {
    RwState& s = it->second;
    if (s.writer == me->id)
      s.writer = -1;
    else if (s.readers > 0)
      --s.readers;
    for (auto& t : threads_)
      if (t->wait == WaitKind::rwlock && t->on == rw) wake(*t, false, false);
    record(me, Op::rw_unlock, s.object);
  }
  unlock();
  return 0;
}

// ---- POSIX semaphores (sem_t) --------------------------------------------------------------

int Scheduler::sem_wait(Thread* me, sem_t* sem, const timespec* abstime, bool try_only) {
  lock();
  auto forward = [&] {
    unlock();
    if (try_only) return real().sem_trywait(sem);
    if (abstime) return real().sem_timedwait(sem, abstime);
    return real().sem_wait(sem);
  };
  if (!switch_point(me)) return forward();
  auto it = sems_.find(sem);
  if (it == sems_.end()) {
    // Initialised outside the model (sem_init in the constructor): start from its real value,
    // which glibc keeps in the low 32 bits of its first word on 64-bit systems.
    std::uint64_t word = 0;
    __builtin_memcpy(&word, sem, sizeof word);
    it = sems_.emplace(sem, SemState{object_for(sem, 's'), static_cast<long>(word & 0xffffffffu)})
             .first;
  }
  SemState& s = it->second;
  const std::uint64_t deadline = abstime ? deadline_for(CLOCK_REALTIME, abstime) : 0;
  while (s.value == 0) {
    if (try_only) {
      me->spun = true;
      unlock();
      errno = EAGAIN;
      return -1;
    }
    record(me, Op::sem_blocks, s.object);
    if (!block(me, WaitKind::sem, sem, abstime != nullptr, deadline)) return forward();
    if (me->timed_out) {
      record(me, Op::sem_timeout, s.object);
      unlock();
      errno = ETIMEDOUT;
      return -1;
    }
  }
  --s.value;
  record(me, Op::sem_wait, s.object, s.value);
  unlock();
  return 0;
}

int Scheduler::sem_post(Thread* me, sem_t* sem) {
  lock();
  if (!switch_point(me)) {
    unlock();
    return real().sem_post(sem);
  }
  auto it = sems_.find(sem);
  if (it == sems_.end()) {
    std::uint64_t word = 0;
    __builtin_memcpy(&word, sem, sizeof word);
    it = sems_.emplace(sem, SemState{object_for(sem, 's'), static_cast<long>(word & 0xffffffffu)})
             .first;
  }
  SemState& s = it->second;
  ++s.value;
  for (auto& t : threads_)
    if (t->wait == WaitKind::sem && t->on == sem) wake(*t, false, false);
  record(me, Op::sem_post, s.object, s.value);
  unlock();
  return 0;
}

}  // namespace cj::explore
