// Symbols the plain build replaces for the explorer's race detector (races.hpp), in the plain
// flavour only: under the tsan flavour libtsan intercepts the same for its own detector.
// - operator delete, every form: the memory goes back to the allocator, and another thread may
//   get it next; what was done there before must not count against the new owner.
// - __cxa_guard_release / __cxa_guard_acquire (a function-local static's first use): the
//   initialising thread's release and a later caller's "already done" order the initialisation
//   before every later use, as the guard's own synchronisation does, which runs inside
//   libstdc++.so where nothing is instrumented.
#include <dlfcn.h>
#include <malloc.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "explore/scheduler.hpp"

namespace {

using cj::explore::g_scheduler;
using cj::explore::t_self;

void forget_and_free(void* p) noexcept {
  if (p && t_self) [[unlikely]]
    g_scheduler->forget_memory(p, malloc_usable_size(p));
  std::free(p);
}

template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

// The real ones, looked up on first use into constant-initialised atomics: a function-local
// static here would call the guard functions from inside themselves, and a dynamic initialiser
// could run after another file's statics already needed them. GCC declares them with
// `long long*`.
using GuardAcquire = int (*)(long long*);
using GuardRelease = void (*)(long long*);
std::atomic<GuardAcquire> g_guard_acquire{nullptr};
std::atomic<GuardRelease> g_guard_release{nullptr};

template <class F>
F resolved(std::atomic<F>& slot, const char* name) {
  F f = slot.load(std::memory_order_acquire);
  if (!f) {
    f = real<F>(name);
    slot.store(f, std::memory_order_release);
  }
  return f;
}

}  // namespace

void operator delete(void* p) noexcept { forget_and_free(p); }
void operator delete[](void* p) noexcept { forget_and_free(p); }
void operator delete(void* p, std::size_t) noexcept { forget_and_free(p); }
void operator delete[](void* p, std::size_t) noexcept { forget_and_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { forget_and_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { forget_and_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { forget_and_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { forget_and_free(p); }

extern "C" {

int __cxa_guard_acquire(long long* guard) {
  const int must_initialise = resolved(g_guard_acquire, "__cxa_guard_acquire")(guard);
  if (!must_initialise && t_self) g_scheduler->order_at(t_self, guard, false);
  return must_initialise;
}

void __cxa_guard_release(long long* guard) {
  if (t_self) g_scheduler->order_at(t_self, guard, true);
  resolved(g_guard_release, "__cxa_guard_release")(guard);
}

}  // extern "C"
