#include "explore/host_thread.hpp"

#include <cstdlib>

#include "explore/real_functions.hpp"

namespace cj::explore {

HostThread::HostThread(OnWake on_wake, void* owner) : on_wake_(on_wake), owner_(owner) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  // The host itself only parks; its fiber runs on a stack of its own (even when released).
  pthread_attr_setstacksize(&attr, 256 * 1024);
  const int rc = real().create(&handle_, &attr, &HostThread::main, this);
  pthread_attr_destroy(&attr);
  if (rc != 0) std::abort();
  real().detach(handle_);
  ready_.wait();
}

void* HostThread::main(void* arg) {
  auto* host = static_cast<HostThread*>(arg);
  host->fs_ = thread_pointer();
  host->self.fs = host->fs_;
  host->ready_.post();
  for (;;) {
    host->gate_.wait();
    host->on_wake_(*host);
  }
}

}  // namespace cj::explore
