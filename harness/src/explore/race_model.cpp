// The scheduler's side of race detection (races.hpp): which model events order threads, the
// learner's memory accesses checked against them, memory given back to the allocator, and the
// sentence a race is reported with.
#include <link.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "explore/call_sites.hpp"
#include "explore/scheduler.hpp"
#include "explore/source_lines.hpp"

namespace cj::explore {
namespace {

/// A library loaded in the process whose own synchronisation the model does not see.
bool unseen_synchronisation_loaded() {
  bool found = false;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        const char* name = info->dlpi_name ? info->dlpi_name : "";
        for (const char* lib : {"libcaf_", "libboost_fiber", "libboost_context"})
          if (std::strstr(name, lib)) *static_cast<bool*>(data) = true;
        return 0;
      },
      &found);
  return found;
}

}  // namespace

bool races_allowed() {
  static const bool allowed = [] {
    const char* env = std::getenv("CJ_EXPLORE_RACES");
    if (env && std::strcmp(env, "0") == 0) return false;
    return !unseen_synchronisation_loaded();
  }();
  return allowed;
}

void Scheduler::order(const Thread* me, Op op, int object, std::int64_t arg) {
  auto at = [&](int o) {
    return o >= 0 && o < static_cast<int>(objects_.size())
               ? reinterpret_cast<std::uintptr_t>(objects_[o].address)
               : 0;
  };
  switch (op) {
    case Op::create:  // object: the new thread
      races_.create(me->id, object);
      return;
    case Op::join:
      races_.join(me->id, object);
      return;
    case Op::lock:
    case Op::rd_lock:
    case Op::wr_lock:
    case Op::cond_woken:
    case Op::cond_spurious:
    case Op::cond_timeout:
    case Op::futex_woken:
    case Op::futex_no_wait:
    case Op::futex_timeout:
    case Op::sem_wait:
    case Op::atomic_load:
    case Op::atomic_cas_fails:
      if (at(object)) races_.acquire(me->id, at(object));
      return;
    case Op::unlock:
    case Op::rw_unlock:
    case Op::signal:
    case Op::broadcast:
    case Op::futex_wake:
    case Op::sem_post:
    case Op::atomic_store:
      if (at(object)) races_.release(me->id, at(object));
      return;
    case Op::atomic_rmw:
    case Op::once_done:
      if (at(object)) {
        races_.acquire(me->id, at(object));
        races_.release(me->id, at(object));
      }
      return;
    case Op::cond_wait:  // releases the mutex (arg) while it waits
      if (at(static_cast<int>(arg))) races_.release(me->id, at(static_cast<int>(arg)));
      return;
    default:
      return;
  }
}

void Scheduler::memory_access(Thread* me, std::uintptr_t caller, std::uintptr_t address,
                              unsigned size, bool write) {
  const int site = cached_site(caller);
  if (site == 0 || !races_.enabled() || t_in_model) return;
  lock();
  if (released_.load(std::memory_order_relaxed) || ended_ || (site < 0 && !learner_site(caller))) {
    unlock();
    return;
  }
  if (races_.access(me->id, address, size, write, caller)) {
    record(me, Op::data_race, -1, write);
    end_execution(ExecutionResult::Kind::data_race);
    switch_to(me, nullptr);  // never resumed, as a deadlocked thread is not
  }
  // A loop that reads the same value from the same place again and again, with no call the
  // model sees, spins on a plain variable: let the others run (they may be what it waits for).
  bool spins = false;
  if (!write && size <= 8) {
    std::uint64_t value = 0;
    std::memcpy(&value, reinterpret_cast<const void*>(address), size);
    if (address == me->last_read && value == me->last_read_value) {
      spins = ++me->read_repeats % 64 == 0;
    } else {
      me->last_read = address;
      me->last_read_value = value;
      me->read_repeats = 0;
    }
  }
  if (spins) {
    me->spun = true;
    switch_point(me);
  }
  unlock();
}

void Scheduler::forget_memory(const void* address, std::size_t size) {
  // What the model itself frees (a table that grows, the detector's own among them) was never
  // the learner's memory.
  if (!races_.enabled() || t_in_model) return;
  lock();
  if (!released_.load(std::memory_order_relaxed))
    races_.forget(reinterpret_cast<std::uintptr_t>(address), size);
  unlock();
}

void Scheduler::order_at(Thread* me, const void* sync, bool release) {
  if (!races_.enabled() || t_in_model) return;
  lock();
  if (!released_.load(std::memory_order_relaxed)) {
    const auto at = reinterpret_cast<std::uintptr_t>(sync);
    if (release)
      races_.release(me->id, at);
    else
      races_.acquire(me->id, at);
  }
  unlock();
}

std::string Scheduler::describe_race() const {
  const auto& race = races_.race();
  if (!race) return "a data race";
  auto where = [](std::uintptr_t pc) {
    const int line = learner_line_at(pc);
    return line > 0 ? " at line " + std::to_string(line) : std::string();
  };
  const std::string name = global_name(reinterpret_cast<const void*>(race->address), 1);
  const std::string what = name.empty() ? "the same memory" : name;
  return thread_name(race->later_thread) + (race->later_write ? " writes " : " reads ") + what +
         where(race->later_pc) + " that " + thread_name(race->earlier_thread) +
         (race->earlier_write ? " wrote" : " read") + where(race->earlier_pc) +
         ", and nothing orders the two (no lock, atomic, join or other synchronisation between "
         "them): a data race";
}

}  // namespace cj::explore
