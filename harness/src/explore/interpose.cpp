// The interposed symbols. A definition in the executable wins over glibc's, also for calls from
// libstdc++.so and libboost_thread.so (GUIDE.md §4). A controlled thread's call goes to the
// explorer's model; every other call (stress and tsan modes, the harness's own threads) is
// forwarded to the real function, through the noise injector in noise mode.
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstdint>

#include "cj/idle_cpu.hpp"
#include "explore/noise.hpp"
#include "explore/real_functions.hpp"
#include "explore/scheduler.hpp"

using cj::explore::g_scheduler;
using cj::explore::noise_point;
using cj::explore::real;
using cj::explore::t_self;
using cj::explore::Thread;

namespace {

inline Thread* controlled() noexcept { return t_self; }

std::int64_t ns_of(const timespec* t) {
  return t ? static_cast<std::int64_t>(t->tv_sec) * 1000000000LL + t->tv_nsec : 0;
}

/// The clock a condition variable was initialised with (glibc keeps it in bit 0 of __wrefs).
clockid_t cond_clock(const pthread_cond_t* c) {
  return (c->__data.__wrefs & 1) ? CLOCK_MONOTONIC : CLOCK_REALTIME;
}

}  // namespace

namespace cj {
namespace {
thread_local std::atomic<std::uint64_t> t_sync_calls{0};
}  // namespace
const std::atomic<std::uint64_t>& sync_calls_here() noexcept { return t_sync_calls; }
}  // namespace cj

namespace {
/// Counts a call that a thread outside the model made (a polling loop makes many).
inline void count_call() noexcept { cj::t_sync_calls.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

extern "C" {

int pthread_create(pthread_t* out, const pthread_attr_t* attr, void* (*start)(void*), void* arg) {
  if (Thread* t = controlled()) return g_scheduler->create(t, out, attr, start, arg);
  noise_point();
  return real().create(out, attr, start, arg);
}

int pthread_join(pthread_t th, void** ret) {
  if (Thread* t = controlled()) return g_scheduler->join(t, th, ret);
  noise_point();
  return real().join(th, ret);
}

int pthread_detach(pthread_t th) {
  if (Thread* t = controlled()) return g_scheduler->detach(t, th);
  return real().detach(th);
}

void pthread_exit(void* ret) {
  if (Thread* t = controlled()) g_scheduler->exit_thread(t, ret);
  real().exit(ret);
  __builtin_unreachable();
}

int pthread_mutex_lock(pthread_mutex_t* m) {
  if (Thread* t = controlled())
    return g_scheduler->mutex_lock(t, m, CLOCK_REALTIME, nullptr, false);
  count_call();
  noise_point();
  return real().mutex_lock(m);
}

int pthread_mutex_trylock(pthread_mutex_t* m) {
  if (Thread* t = controlled()) return g_scheduler->mutex_lock(t, m, CLOCK_REALTIME, nullptr, true);
  count_call();
  noise_point();
  return real().mutex_trylock(m);
}

int pthread_mutex_timedlock(pthread_mutex_t* m, const timespec* abstime) {
  if (Thread* t = controlled())
    return g_scheduler->mutex_lock(t, m, CLOCK_REALTIME, abstime, false);
  noise_point();
  return real().mutex_timedlock(m, abstime);
}

int pthread_mutex_clocklock(pthread_mutex_t* m, clockid_t clock, const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->mutex_lock(t, m, clock, abstime, false);
  noise_point();
  return real().mutex_clocklock(m, clock, abstime);
}

int pthread_mutex_unlock(pthread_mutex_t* m) {
  if (Thread* t = controlled()) return g_scheduler->mutex_unlock(t, m);
  const int rc = real().mutex_unlock(m);
  noise_point();
  return rc;
}

int pthread_cond_wait(pthread_cond_t* c, pthread_mutex_t* m) {
  if (Thread* t = controlled()) return g_scheduler->cond_wait(t, c, m, CLOCK_REALTIME, nullptr);
  noise_point();
  return real().cond_wait(c, m);
}

int pthread_cond_timedwait(pthread_cond_t* c, pthread_mutex_t* m, const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->cond_wait(t, c, m, cond_clock(c), abstime);
  noise_point();
  return real().cond_timedwait(c, m, abstime);
}

int pthread_cond_clockwait(pthread_cond_t* c, pthread_mutex_t* m, clockid_t clock,
                           const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->cond_wait(t, c, m, clock, abstime);
  noise_point();
  return real().cond_clockwait(c, m, clock, abstime);
}

int pthread_cond_signal(pthread_cond_t* c) {
  if (Thread* t = controlled()) return g_scheduler->cond_signal(t, c, false);
  noise_point();
  return real().cond_signal(c);
}

int pthread_cond_broadcast(pthread_cond_t* c) {
  if (Thread* t = controlled()) return g_scheduler->cond_signal(t, c, true);
  noise_point();
  return real().cond_broadcast(c);
}

int pthread_rwlock_rdlock(pthread_rwlock_t* rw) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, false, 0, nullptr, false);
  noise_point();
  return real().rw_rdlock(rw);
}

int pthread_rwlock_wrlock(pthread_rwlock_t* rw) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, true, 0, nullptr, false);
  noise_point();
  return real().rw_wrlock(rw);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t* rw) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, false, 0, nullptr, true);
  return real().rw_tryrdlock(rw);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t* rw) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, true, 0, nullptr, true);
  return real().rw_trywrlock(rw);
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t* rw, const timespec* abstime) {
  if (Thread* t = controlled())
    return g_scheduler->rw_lock(t, rw, false, CLOCK_REALTIME, abstime, false);
  return real().rw_timedrdlock(rw, abstime);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t* rw, const timespec* abstime) {
  if (Thread* t = controlled())
    return g_scheduler->rw_lock(t, rw, true, CLOCK_REALTIME, abstime, false);
  return real().rw_timedwrlock(rw, abstime);
}

int pthread_rwlock_clockrdlock(pthread_rwlock_t* rw, clockid_t clock, const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, false, clock, abstime, false);
  return real().rw_clockrdlock(rw, clock, abstime);
}

int pthread_rwlock_clockwrlock(pthread_rwlock_t* rw, clockid_t clock, const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->rw_lock(t, rw, true, clock, abstime, false);
  return real().rw_clockwrlock(rw, clock, abstime);
}

int pthread_rwlock_unlock(pthread_rwlock_t* rw) {
  if (Thread* t = controlled()) return g_scheduler->rw_unlock(t, rw);
  const int rc = real().rw_unlock(rw);
  noise_point();
  return rc;
}

int pthread_once(pthread_once_t* once, void (*init)()) {
  if (Thread* t = controlled()) return g_scheduler->once(t, once, init);
  return real().once(once, init);
}

long syscall(long number, ...) {
  va_list ap;
  va_start(ap, number);
  long a[6];
  for (long& x : a) x = va_arg(ap, long);
  va_end(ap);
  if (number == SYS_futex) {
    if (Thread* t = controlled())
      return g_scheduler->futex(t, reinterpret_cast<int*>(a[0]), static_cast<int>(a[1]),
                                static_cast<int>(a[2]), reinterpret_cast<const timespec*>(a[3]));
    noise_point();
  }
  return real().syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int sem_wait(sem_t* sem) {
  if (Thread* t = controlled()) return g_scheduler->sem_wait(t, sem, nullptr, false);
  noise_point();
  return real().sem_wait(sem);
}

int sem_trywait(sem_t* sem) {
  if (Thread* t = controlled()) return g_scheduler->sem_wait(t, sem, nullptr, true);
  return real().sem_trywait(sem);
}

int sem_timedwait(sem_t* sem, const timespec* abstime) {
  if (Thread* t = controlled()) return g_scheduler->sem_wait(t, sem, abstime, false);
  noise_point();
  return real().sem_timedwait(sem, abstime);
}

int sem_post(sem_t* sem) {
  if (Thread* t = controlled()) return g_scheduler->sem_post(t, sem);
  const int rc = real().sem_post(sem);
  noise_point();
  return rc;
}

int sched_yield() {
  if (Thread* t = controlled()) return g_scheduler->yield(t);
  count_call();
  return real().sched_yield();
}

int nanosleep(const timespec* req, timespec* rem) {
  if (Thread* t = controlled()) return g_scheduler->sleep(t, ns_of(req));
  return real().nanosleep(req, rem);
}

int usleep(useconds_t us) {
  if (Thread* t = controlled()) return g_scheduler->sleep(t, static_cast<std::int64_t>(us) * 1000);
  return real().usleep(us);
}

// A controlled thread's thread_local destructors are its own (Thread::tls_dtors): its fiber runs
// on a host thread that never exits, so libc's list for the host would run them never, or at
// exit on objects the next execution reused.
int __cxa_thread_atexit_impl(void (*dtor)(void*), void* object, void* dso_symbol) {
  if (Thread* t = controlled()) {
    t->tls_dtors.emplace_back(dtor, object);
    return 0;
  }
  using Impl = int (*)(void (*)(void*), void*, void*);
  static const Impl next = reinterpret_cast<Impl>(dlsym(RTLD_NEXT, "__cxa_thread_atexit_impl"));
  return next ? next(dtor, object, dso_symbol) : 0;
}

int clock_gettime(clockid_t clock, timespec* out) {
  if (Thread* t = controlled()) {
    if (clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC || clock == CLOCK_MONOTONIC_RAW ||
        clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE ||
        clock == CLOCK_BOOTTIME)
      return g_scheduler->clock_gettime(t, clock, out);
  }
  count_call();
  return real().clock_gettime(clock, out);
}

}  // extern "C"
