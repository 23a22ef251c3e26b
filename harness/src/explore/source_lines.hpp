// Where in the learner's file an operation happened, and what the file calls the object it was
// on. Used only while the failing schedule is replayed (explore_runner.cpp): the exploration
// itself never walks a stack.
//
// Lines come from the binary's line table (submissions are built with -g1) through GCC's
// libbacktrace, inside the process, so PIE load addresses need no care. -g1 carries no types,
// so a member's name comes from the learner's own source at the line of the operation
// ("forks[(philosopher + 1) % 5]" in `lock_guard<mutex> left(forks[(philosopher + 1) % 5]);`),
// and a global's from the symbol table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cj::explore {

/// The learner's file as the judge compiles it (judge/src/build.cpp writes it under this name).
inline constexpr const char* kLearnerFile = "solution.cpp";

/// The line of the learner's file the calling thread is at: the innermost frame of its stack in
/// that file, inlined frames included. 0 when no frame is in it (the harness's own calls).
int learner_line() noexcept;

/// Whether the code at `pc` is the learner's: the line table names the learner's file for it
/// or for a function it was inlined into (std::atomic's fetch_add inlined into the learner's
/// enqueue() is; the same call in a driver's recorder is not).
bool in_learner_file(std::uintptr_t pc) noexcept;

/// The learner's line of the code at `pc` (the innermost frame in the learner's file, inlined
/// ones included), or 0.
int learner_line_at(std::uintptr_t pc) noexcept;

/// Line `line` (1-based) of the learner's file, once learner_line() has found the file; "" else.
std::string learner_source_line(int line);

/// The object expression `text` (a line of the learner's file) applies an operation of `kind`
/// to: 'm' a mutex lock (`lock_guard<mutex> g(EXPR)`, `EXPR.lock()`), 'c' a condition variable
/// (`EXPR.wait(...)`, `EXPR.notify_one()`), 's' a semaphore, 'f' a futex word (atomic wait,
/// latch, barrier, future), 'r' a shared mutex. "" when the line names none, or more than one.
std::string operand_on(const std::string& text, char kind);

/// The bound N of an array the learner's file declares as `name[N]` or `array<T, N> name`; 0
/// when it declares none.
int declared_extent(const std::string& name);

/// The name of the global or static object at `address` in the executable ("g_lock", or
/// "forks[2]" for an element of `element_size` bytes of a global array); "" when it is none, or
/// a library's own.
std::string global_name(const void* address, std::size_t element_size);

}  // namespace cj::explore
