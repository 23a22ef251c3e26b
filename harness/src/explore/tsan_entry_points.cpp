// The atomic operations and memory accesses of a plain build, as clang's ThreadSanitizer
// instrumentation calls them. Plain submissions are compiled by clang with `-fsanitize=thread`
// and no sanitizer runtime (function entries and memcpy not instrumented: harness/CMakeLists.txt,
// CJ_PLAIN_TSAN_FLAGS), so every std::atomic operation, every __atomic builtin of the headers the
// file includes, and every load and store arrives here.
// - An atomic entry point does the operation itself, with the same instruction x86 would have
//   used for the order asked (a relaxed or release store stays a plain store, so a
//   store-buffering bug still shows in stress), then tells the explorer (atomics.cpp): for a
//   controlled thread the moment after one of the learner's atomics is a scheduling point, which
//   is how explore interleaves between `tail.fetch_add(1)` and the write that follows it.
// - A memory access entry point only tells the explorer, whose race detector checks the
//   learner's accesses (race_model.cpp).
// Anyone else (stress, noise, the harness's own threads) pays a call and a thread-local test.
//
// Only the plain flavour's harness library has these: the tsan flavour links GCC's libtsan,
// which defines them for itself.
#include <cstdint>

#include "explore/scheduler.hpp"

namespace {

using cj::explore::AtomicKind;

/// ThreadSanitizer's memory orders (its interface numbers them as the __ATOMIC_* constants).
enum Order : int { relaxed, consume, acquire, release, acq_rel, seq_cst };

/// The instrumented call site (the code just before the return address of the entry point).
#define CJ_CALLER reinterpret_cast<std::uintptr_t>(__builtin_return_address(0)) - 1

/// `value`: what a load read; `unchanged`: a read-modify-write left the value as it was.
inline void after(std::uintptr_t caller, const volatile void* address, AtomicKind kind,
                  std::uint64_t value, bool unchanged) noexcept {
  if (cj::explore::Thread* t = cj::explore::t_self) [[unlikely]]
    cj::explore::g_scheduler->atomic(t, caller, address, kind, value, unchanged);
}

/// A plain access of the learner's code: the race detector's (race_model.cpp).
inline void access(std::uintptr_t caller, const void* address, unsigned size, bool write) noexcept {
  if (cj::explore::Thread* t = cj::explore::t_self) [[unlikely]]
    cj::explore::g_scheduler->memory_access(t, caller, reinterpret_cast<std::uintptr_t>(address),
                                            size, write);
}

template <class T>
T load(std::uintptr_t caller, const volatile T* a) noexcept {
  const T v = __atomic_load_n(a, __ATOMIC_ACQUIRE);  // x86: a plain load whatever the order
  after(caller, a, AtomicKind::load, static_cast<std::uint64_t>(v), false);
  return v;
}

template <class T>
void store(std::uintptr_t caller, volatile T* a, T v, int mo) noexcept {
  if (mo == seq_cst)
    __atomic_store_n(a, v, __ATOMIC_SEQ_CST);
  else
    __atomic_store_n(a, v, __ATOMIC_RELEASE);  // x86: a plain store
  after(caller, a, AtomicKind::store, 0, false);
}

/// A read-modify-write that leaves the value as it was (an exchange of what is there, a
/// test-and-set of a set flag) is what a spin loop repeats: it counts as a failed try.
template <class T>
T rmw_done(std::uintptr_t caller, volatile T* a, T old, T now) noexcept {
  after(caller, a, AtomicKind::rmw, 0, old == now);
  return old;
}

template <class T>
int cas(std::uintptr_t caller, volatile T* a, T* expected, T desired, bool weak) noexcept {
  const bool ok =
      __atomic_compare_exchange_n(a, expected, desired, weak, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  after(caller, a, ok ? AtomicKind::rmw : AtomicKind::cas_fails, 0, !ok);
  return ok;
}

}  // namespace

/// A fetch-and-op entry point: `next` is the value the operation leaves, from `old` and `v`.
#define CJ_TSAN_FETCH(bits, T, op, next)                        \
  T __tsan_atomic##bits##_fetch_##op(volatile T* a, T v, int) { \
    const T old = __atomic_fetch_##op(a, v, __ATOMIC_SEQ_CST);  \
    return rmw_done(CJ_CALLER, a, old, static_cast<T>(next));   \
  }

#define CJ_TSAN_ATOMICS(bits, T)                                                               \
  T __tsan_atomic##bits##_load(const volatile T* a, int) { return load(CJ_CALLER, a); }        \
  void __tsan_atomic##bits##_store(volatile T* a, T v, int mo) { store(CJ_CALLER, a, v, mo); } \
  T __tsan_atomic##bits##_exchange(volatile T* a, T v, int) {                                  \
    return rmw_done(CJ_CALLER, a, __atomic_exchange_n(a, v, __ATOMIC_SEQ_CST), v);             \
  }                                                                                            \
  CJ_TSAN_FETCH(bits, T, add, old + v)                                                         \
  CJ_TSAN_FETCH(bits, T, sub, old - v)                                                         \
  CJ_TSAN_FETCH(bits, T, and, old& v)                                                          \
  CJ_TSAN_FETCH(bits, T, or, old | v)                                                          \
  CJ_TSAN_FETCH(bits, T, xor, old ^ v)                                                         \
  CJ_TSAN_FETCH(bits, T, nand, ~(old & v))                                                     \
  int __tsan_atomic##bits##_compare_exchange_strong(volatile T* a, T* c, T v, int, int) {      \
    return cas(CJ_CALLER, a, c, v, false);                                                     \
  }                                                                                            \
  int __tsan_atomic##bits##_compare_exchange_weak(volatile T* a, T* c, T v, int, int) {        \
    return cas(CJ_CALLER, a, c, v, true);                                                      \
  }                                                                                            \
  T __tsan_atomic##bits##_compare_exchange_val(volatile T* a, T c, T v, int, int) {            \
    cas(CJ_CALLER, a, &c, v, false);                                                           \
    return c;                                                                                  \
  }

extern "C" {

/// The instrumented module's constructor calls it; there is nothing to set up.
void __tsan_init() {}

CJ_TSAN_ATOMICS(8, std::int8_t)
CJ_TSAN_ATOMICS(16, std::int16_t)
CJ_TSAN_ATOMICS(32, std::int32_t)
CJ_TSAN_ATOMICS(64, std::int64_t)

void __tsan_atomic_thread_fence(int mo) {
  if (mo == seq_cst)
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
  else
    __atomic_thread_fence(__ATOMIC_ACQ_REL);  // x86: no instruction
}

void __tsan_atomic_signal_fence(int) { __atomic_signal_fence(__ATOMIC_SEQ_CST); }

}  // extern "C"

#define CJ_TSAN_ACCESSES(n)                                                  \
  void __tsan_read##n(void* a) { access(CJ_CALLER, a, n, false); }           \
  void __tsan_write##n(void* a) { access(CJ_CALLER, a, n, true); }           \
  void __tsan_unaligned_read##n(void* a) { access(CJ_CALLER, a, n, false); } \
  void __tsan_unaligned_write##n(void* a) { access(CJ_CALLER, a, n, true); }

extern "C" {

CJ_TSAN_ACCESSES(1)
CJ_TSAN_ACCESSES(2)
CJ_TSAN_ACCESSES(4)
CJ_TSAN_ACCESSES(8)
CJ_TSAN_ACCESSES(16)

void __tsan_read_range(void* a, unsigned long size) {
  access(CJ_CALLER, a, static_cast<unsigned>(size < 8 ? size : 8), false);
}
void __tsan_write_range(void* a, unsigned long size) {
  access(CJ_CALLER, a, static_cast<unsigned>(size < 8 ? size : 8), true);
}

/// An object's vtable pointer read (a virtual call) or set (a constructor or destructor).
void __tsan_vptr_read(void** vptr) { access(CJ_CALLER, vptr, sizeof(void*), false); }
void __tsan_vptr_update(void** vptr, void* value) {
  if (*vptr != value) access(CJ_CALLER, vptr, sizeof(void*), true);
}

}  // extern "C"

#undef CJ_TSAN_ACCESSES
#undef CJ_TSAN_ATOMICS
#undef CJ_TSAN_FETCH
#undef CJ_CALLER
