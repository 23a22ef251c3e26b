// The definitions behind the symbols the harness interposes, found with dlsym(RTLD_NEXT): libc's,
// or under gcc's ThreadSanitizer the sanitizer's interceptors (which then reach libc). Every
// interposed call forwards here when the calling thread is not under the explorer's control.
// Never dlvsym: it skips ThreadSanitizer's interceptors.
#pragma once

#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>

namespace cj::explore {

struct RealFunctions {
  decltype(&::pthread_create) create;
  decltype(&::pthread_join) join;
  decltype(&::pthread_detach) detach;
  decltype(&::pthread_exit) exit;
  decltype(&::pthread_mutex_lock) mutex_lock;
  decltype(&::pthread_mutex_trylock) mutex_trylock;
  decltype(&::pthread_mutex_unlock) mutex_unlock;
  decltype(&::pthread_mutex_timedlock) mutex_timedlock;
  decltype(&::pthread_mutex_clocklock) mutex_clocklock;
  decltype(&::pthread_cond_wait) cond_wait;
  decltype(&::pthread_cond_timedwait) cond_timedwait;
  decltype(&::pthread_cond_clockwait) cond_clockwait;
  decltype(&::pthread_cond_signal) cond_signal;
  decltype(&::pthread_cond_broadcast) cond_broadcast;
  decltype(&::pthread_rwlock_rdlock) rw_rdlock;
  decltype(&::pthread_rwlock_wrlock) rw_wrlock;
  decltype(&::pthread_rwlock_tryrdlock) rw_tryrdlock;
  decltype(&::pthread_rwlock_trywrlock) rw_trywrlock;
  decltype(&::pthread_rwlock_timedrdlock) rw_timedrdlock;
  decltype(&::pthread_rwlock_timedwrlock) rw_timedwrlock;
  decltype(&::pthread_rwlock_clockrdlock) rw_clockrdlock;
  decltype(&::pthread_rwlock_clockwrlock) rw_clockwrlock;
  decltype(&::pthread_rwlock_unlock) rw_unlock;
  decltype(&::pthread_once) once;
  decltype(&::syscall) syscall;
  decltype(&::sched_yield) sched_yield;
  decltype(&::nanosleep) nanosleep;
  decltype(&::usleep) usleep;
  decltype(&::clock_gettime) clock_gettime;
  decltype(&::sem_wait) sem_wait;
  decltype(&::sem_trywait) sem_trywait;
  decltype(&::sem_timedwait) sem_timedwait;
  decltype(&::sem_post) sem_post;
  std::atomic<bool> ready{false};
};

extern RealFunctions g_real;
void resolve_real_functions() noexcept;

inline const RealFunctions& real() noexcept {
  if (__builtin_expect(!g_real.ready.load(std::memory_order_acquire), 0)) resolve_real_functions();
  return g_real;
}

/// The raw futex system call, never through the interposed `syscall`.
inline long real_futex(void* addr, int op, int val, const struct timespec* timeout) noexcept {
  return real().syscall(SYS_futex, addr, op, val, timeout, nullptr, 0);
}

}  // namespace cj::explore
