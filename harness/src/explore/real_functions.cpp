#include "explore/real_functions.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace cj::explore {

RealFunctions g_real;

namespace {

template <typename F>
void find(F& slot, const char* name) noexcept {
  void* p = dlsym(RTLD_NEXT, name);
  if (!p) {
    // Without the real function nothing can be forwarded: fail loudly rather than hang.
    std::fprintf(stderr, "cj harness: cannot find %s after the executable\n", name);
    std::abort();
  }
  slot = reinterpret_cast<F>(p);
}

// Resolve before main() so that later look-ups never happen on a thread in the middle of a
// blocking call; resolve_real_functions() also runs on first use, in case that comes earlier.
__attribute__((constructor(101))) void resolve_early() { resolve_real_functions(); }

}  // namespace

void resolve_real_functions() noexcept {
  RealFunctions& r = g_real;
  if (r.ready.load(std::memory_order_acquire)) return;
  find(r.create, "pthread_create");
  find(r.join, "pthread_join");
  find(r.detach, "pthread_detach");
  find(r.exit, "pthread_exit");
  find(r.mutex_lock, "pthread_mutex_lock");
  find(r.mutex_trylock, "pthread_mutex_trylock");
  find(r.mutex_unlock, "pthread_mutex_unlock");
  find(r.mutex_timedlock, "pthread_mutex_timedlock");
  find(r.mutex_clocklock, "pthread_mutex_clocklock");
  find(r.cond_wait, "pthread_cond_wait");
  find(r.cond_timedwait, "pthread_cond_timedwait");
  find(r.cond_clockwait, "pthread_cond_clockwait");
  find(r.cond_signal, "pthread_cond_signal");
  find(r.cond_broadcast, "pthread_cond_broadcast");
  find(r.rw_rdlock, "pthread_rwlock_rdlock");
  find(r.rw_wrlock, "pthread_rwlock_wrlock");
  find(r.rw_tryrdlock, "pthread_rwlock_tryrdlock");
  find(r.rw_trywrlock, "pthread_rwlock_trywrlock");
  find(r.rw_timedrdlock, "pthread_rwlock_timedrdlock");
  find(r.rw_timedwrlock, "pthread_rwlock_timedwrlock");
  find(r.rw_clockrdlock, "pthread_rwlock_clockrdlock");
  find(r.rw_clockwrlock, "pthread_rwlock_clockwrlock");
  find(r.rw_unlock, "pthread_rwlock_unlock");
  find(r.once, "pthread_once");
  find(r.syscall, "syscall");
  find(r.sched_yield, "sched_yield");
  find(r.nanosleep, "nanosleep");
  find(r.usleep, "usleep");
  find(r.clock_gettime, "clock_gettime");
  find(r.sem_wait, "sem_wait");
  find(r.sem_trywait, "sem_trywait");
  find(r.sem_timedwait, "sem_timedwait");
  find(r.sem_post, "sem_post");
  r.ready.store(true, std::memory_order_release);
}

}  // namespace cj::explore
