// Fibers: the explorer runs every controlled thread of a trial as a fiber on one OS thread, so
// that a scheduling decision is a register switch (tens of nanoseconds), not a kernel hand-off.
//
// A fiber keeps the thread identity of a real, parked thread (see host_thread.hpp): the switch
// also moves the %fs base, so pthread_self(), errno, thread_local data, libstdc++'s call_once
// state and the exception-handling globals stay per thread (C11Tester's recipe). A fiber keeps
// one %fs for its whole life, because compilers cache TLS addresses inside a function.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cj::explore {

/// A suspended execution context: its stack pointer (registers saved on its stack) and the
/// thread pointer (%fs base) it runs with.
struct Fiber {
  void* sp = nullptr;
  std::uintptr_t fs = 0;
};

/// A fiber's stack, allocated once and reused by every execution (with a guard page below).
class FiberStack {
 public:
  explicit FiberStack(std::size_t size);
  ~FiberStack();
  FiberStack(const FiberStack&) = delete;
  FiberStack& operator=(const FiberStack&) = delete;
  void* top() const noexcept { return static_cast<char*>(base_) + size_; }

 private:
  void* base_ = nullptr;  // lowest usable byte; the guard page sits just below
  std::size_t size_ = 0;
};

/// Prepares `f` so that switching to it runs entry(arg) on `stack` with thread pointer `fs`.
/// entry must never return (it switches away for good instead).
void fiber_prepare(Fiber& f, const FiberStack& stack, void (*entry)(void*), void* arg,
                   std::uintptr_t fs) noexcept;

/// Saves the calling context into `from` and resumes `to`: its registers, stack and %fs base.
void fiber_switch(Fiber& from, const Fiber& to) noexcept;

/// The calling OS thread's thread pointer (%fs base).
std::uintptr_t thread_pointer() noexcept;

/// True when the switch moves %fs with the wrfsbase instruction (HWCAP2_FSGSBASE), false when it
/// needs the arch_prctl system call.
bool fast_thread_pointer_switch() noexcept;

}  // namespace cj::explore
