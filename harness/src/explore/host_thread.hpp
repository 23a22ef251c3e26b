// A host thread: a real pthread, created once and parked, that lends its thread control block
// (pthread_self, errno, thread_local data, ...) to the fiber of one controlled thread. When the
// explorer gives up control of an execution (a busy-wait it cannot schedule), the host runs its
// fiber itself, so that every controlled thread goes on as a real thread.
#pragma once

#include <pthread.h>

#include <cstddef>
#include <cstdint>

#include "explore/fiber.hpp"
#include "explore/gate.hpp"

namespace cj::explore {

class HostThread {
 public:
  /// What a host does once woken: run `fiber` on its own OS thread until it switches back to
  /// `self` (the fiber finished). Called on the host's thread.
  using OnWake = void (*)(HostThread& host);

  /// Starts the thread and waits until it is parked.
  HostThread(OnWake on_wake, void* owner);
  HostThread(const HostThread&) = delete;
  HostThread& operator=(const HostThread&) = delete;

  pthread_t handle() const noexcept { return handle_; }
  /// Its thread pointer: the %fs base its fiber runs with.
  std::uintptr_t fs() const noexcept { return fs_; }
  /// Wakes the parked host (at most once per execution that is released).
  void wake() noexcept { gate_.post(); }
  void* owner() const noexcept { return owner_; }
  /// Back to the executable's initial thread_local image, as a new thread's would be (called on
  /// this host's identity once a fiber on it finished and its thread_local destructors ran), so
  /// that the next controlled thread it serves finds none of the last one's thread_local objects
  /// (their guards unset: constructed afresh on first use).
  void reset_tls() noexcept;
  /// The host's own context while it runs a fiber (the fiber switches back here when done).
  Fiber self;

 private:
  static void* main(void* host);

  OnWake on_wake_;
  void* owner_;
  pthread_t handle_{};
  std::uintptr_t fs_ = 0;
  // The executable's TLS block of this thread and its initial image (PT_TLS).
  unsigned char* tls_block_ = nullptr;
  const unsigned char* tls_image_ = nullptr;
  std::size_t tls_filesz_ = 0;
  std::size_t tls_memsz_ = 0;
  Gate gate_;
  Gate ready_;
};

}  // namespace cj::explore
