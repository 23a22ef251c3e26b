// The context switch, written out for x86-64 (System V): callee-saved registers, the SSE and
// x87 control words, the stack pointer and the %fs base.
#include "explore/fiber.hpp"

#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <new>

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

extern "C" {
void cj_fiber_switch_wrfsbase(void** save_sp, void* sp, std::uintptr_t fs) noexcept;
void cj_fiber_switch_arch_prctl(void** save_sp, void* sp, std::uintptr_t fs) noexcept;
void cj_fiber_start() noexcept;
}

// The frame a switch leaves on the stack, lowest address first: MXCSR and the x87 control word,
// r15, r14, r13, r12, rbx, rbp, the return address. A new fiber's frame "returns" into
// cj_fiber_start, which calls r13(r12); its .cfi_undefined rip ends every unwind there.
asm(R"(
  .text
  .p2align 4
  .globl cj_fiber_switch_wrfsbase
  .type cj_fiber_switch_wrfsbase, @function
cj_fiber_switch_wrfsbase:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  stmxcsr (%rsp)
  fnstcw 4(%rsp)
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  wrfsbase %rdx
  ldmxcsr (%rsp)
  fldcw 4(%rsp)
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .size cj_fiber_switch_wrfsbase, .-cj_fiber_switch_wrfsbase

  .p2align 4
  .globl cj_fiber_switch_arch_prctl
  .type cj_fiber_switch_arch_prctl, @function
cj_fiber_switch_arch_prctl:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  stmxcsr (%rsp)
  fnstcw 4(%rsp)
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  movq %rdx, %rsi
  movl $0x1002, %edi
  movl $158, %eax
  syscall
  ldmxcsr (%rsp)
  fldcw 4(%rsp)
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .size cj_fiber_switch_arch_prctl, .-cj_fiber_switch_arch_prctl

  .p2align 4
  .globl cj_fiber_start
  .type cj_fiber_start, @function
cj_fiber_start:
  .cfi_startproc
  .cfi_undefined rip
  movq %r12, %rdi
  callq *%r13
  ud2
  .cfi_endproc
  .size cj_fiber_start, .-cj_fiber_start
)");

namespace cj::explore {
namespace {

using SwitchFn = void (*)(void**, void*, std::uintptr_t) noexcept;

SwitchFn choose_switch() noexcept {
  return (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) ? &cj_fiber_switch_wrfsbase
                                                  : &cj_fiber_switch_arch_prctl;
}

const SwitchFn g_switch = choose_switch();

}  // namespace

FiberStack::FiberStack(std::size_t size) {
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  size_ = (size + page - 1) / page * page;
  void* p = mmap(nullptr, size_ + page, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  mprotect(p, page, PROT_NONE);
  base_ = static_cast<char*>(p) + page;
}

FiberStack::~FiberStack() {
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  munmap(static_cast<char*>(base_) - page, size_ + page);
}

void fiber_prepare(Fiber& f, const FiberStack& stack, void (*entry)(void*), void* arg,
                   std::uintptr_t fs) noexcept {
  auto top = reinterpret_cast<std::uintptr_t>(stack.top()) & ~std::uintptr_t{15};
  auto* frame = reinterpret_cast<std::uint64_t*>(top - 80);  // 16-byte aligned
  std::memset(frame, 0, 80);
  const std::uint32_t mxcsr = 0x1f80;  // all exceptions masked, round to nearest
  const std::uint16_t fpucw = 0x037f;  // the x87 default
  std::memcpy(reinterpret_cast<char*>(frame), &mxcsr, sizeof mxcsr);
  std::memcpy(reinterpret_cast<char*>(frame) + 4, &fpucw, sizeof fpucw);
  frame[3] = reinterpret_cast<std::uint64_t>(entry);  // r13
  frame[4] = reinterpret_cast<std::uint64_t>(arg);    // r12
  frame[7] = reinterpret_cast<std::uint64_t>(&cj_fiber_start);
  f.sp = frame;
  f.fs = fs;
}

void fiber_switch(Fiber& from, const Fiber& to) noexcept { g_switch(&from.sp, to.sp, to.fs); }

std::uintptr_t thread_pointer() noexcept {
  std::uintptr_t tp;
  asm volatile("movq %%fs:0, %0" : "=r"(tp));
  return tp;
}

bool fast_thread_pointer_switch() noexcept { return g_switch == &cj_fiber_switch_wrfsbase; }

}  // namespace cj::explore
