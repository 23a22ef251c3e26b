#include "explore/call_sites.hpp"

#include <atomic>
#include <cstddef>
#include <unordered_map>

#include "explore/scheduler.hpp"
#include "explore/source_lines.hpp"

namespace cj::explore {
namespace {

std::atomic<bool> g_every_site{false};

/// Every site classified so far; under the scheduler's lock.
std::unordered_map<std::uintptr_t, bool>& sites() {
  static auto* all = new std::unordered_map<std::uintptr_t, bool>();
  return *all;
}

/// A direct-mapped copy of sites() read without the lock (entry: the site shifted left once,
/// its answer in bit 0), so that the driver's and the library's atomics and accesses, most of
/// those a trial makes, cost a load and no lock.
constexpr std::size_t kCache = std::size_t(1) << 16;  // a large driver has thousands of sites
std::atomic<std::uintptr_t> g_cache[kCache];

std::atomic<std::uintptr_t>& entry(std::uintptr_t caller) {
  return g_cache[(caller * 0x9E3779B97F4A7C15ULL) >> 48];
}

}  // namespace

void count_every_site_as_learners(bool on) { g_every_site.store(on, std::memory_order_relaxed); }

int cached_site(std::uintptr_t caller) noexcept {
  if (g_every_site.load(std::memory_order_relaxed)) return 1;
  const std::uintptr_t e = entry(caller).load(std::memory_order_relaxed);
  return e >> 1 == caller ? static_cast<int>(e & 1) : -1;
}

bool learner_site(std::uintptr_t caller) noexcept {
  if (g_every_site.load(std::memory_order_relaxed)) return true;
  auto it = sites().find(caller);
  if (it == sites().end()) {
    Thread* const self = t_self;
    t_self = nullptr;  // what the lookup calls must not reach the model
    it = sites().emplace(caller, in_learner_file(caller)).first;
    t_self = self;
  }
  entry(caller).store(caller << 1 | (it->second ? 1 : 0), std::memory_order_relaxed);
  return it->second;
}

}  // namespace cj::explore
