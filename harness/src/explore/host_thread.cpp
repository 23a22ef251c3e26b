#include "explore/host_thread.hpp"

#include <link.h>

#include <cstdlib>
#include <cstring>

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

void HostThread::reset_tls() noexcept {
  if (!tls_block_) return;
  std::memcpy(tls_block_, tls_image_, tls_filesz_);
  std::memset(tls_block_ + tls_filesz_, 0, tls_memsz_ - tls_filesz_);
}

void* HostThread::main(void* arg) {
  auto* host = static_cast<HostThread*>(arg);
  host->fs_ = thread_pointer();
  // The executable comes first; its TLS block is static, dlpi_tls_data is this thread's.
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto* h = static_cast<HostThread*>(data);
        for (int k = 0; k < info->dlpi_phnum; ++k) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[k];
          if (ph.p_type != PT_TLS || !info->dlpi_tls_data) continue;
          h->tls_block_ = static_cast<unsigned char*>(info->dlpi_tls_data);
          h->tls_image_ = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
          h->tls_filesz_ = ph.p_filesz;
          h->tls_memsz_ = ph.p_memsz;
        }
        return 1;  // the executable only
      },
      host);
  host->self.fs = host->fs_;
  host->ready_.post();
  for (;;) {
    host->gate_.wait();
    host->on_wake_(*host);
  }
}

}  // namespace cj::explore
