#include "explore/races.hpp"

#include <algorithm>

namespace cj::explore {

template <class Value>
Value* RaceDetector::Table<Value>::find(std::uintptr_t key, std::uint32_t generation, bool insert) {
  if (insert && (used + 1) * 2 > slots.size()) {  // grow: keep this generation's entries
    std::vector<Slot> old(slots.size() * 2);
    old.swap(slots);
    used = 0;
    for (const Slot& s : old)
      if (s.generation == generation) *find(s.key, generation, true) = s.value;
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;; i = (i + 1) & mask) {
    Slot& s = slots[i];
    if (s.generation == generation && s.key == key) return &s.value;
    if (s.generation != generation) {
      if (!insert) return nullptr;
      s.key = key;
      s.generation = generation;
      s.value = Value{};
      ++used;
      return &s.value;
    }
  }
}

void RaceDetector::reset(bool enabled) {
  enabled_ = enabled;
  if (++generation_ == 0) {  // wrapped: forget every slot for real
    sync_ = {};
    shadow_ = {};
    generation_ = 1;
  }
  sync_.used = shadow_.used = 0;
  for (int t = 0; t < width_; ++t) {
    threads_[t].fill(0);
    started_[t] = false;
  }
  width_ = 0;
  clocks_used_ = 0;
  race_.reset();
}

RaceDetector::Clock& RaceDetector::clock_of(int thread) {
  Clock& c = threads_[thread];
  if (!started_[thread]) {
    started_[thread] = true;
    width_ = std::max(width_, thread + 1);
    c[thread] = 1;  // a thread's first epoch
  }
  return c;
}

void RaceDetector::join_into(Clock& into, const Clock& from) const {
  for (int i = 0; i < width_; ++i) into[i] = std::max(into[i], from[i]);
}

void RaceDetector::create(int parent, int child) {
  if (!enabled_) return;
  if (!valid(child) || (parent >= 0 && !valid(parent))) {
    enabled_ = false;  // more threads than a clock holds: stop checking this execution
    return;
  }
  Clock& c = clock_of(child);
  if (parent >= 0) {
    Clock& p = clock_of(parent);
    join_into(c, p);
    ++p[parent];
  }
}

void RaceDetector::join(int joiner, int joined) {
  if (!enabled_ || !valid(joiner) || !valid(joined)) return;
  join_into(clock_of(joiner), clock_of(joined));
}

void RaceDetector::acquire(int thread, std::uintptr_t sync) {
  if (!enabled_ || !valid(thread)) return;
  const std::uint32_t* index = sync_.find(sync, generation_, false);
  if (index && *index) join_into(clock_of(thread), clocks_[*index - 1]);
}

void RaceDetector::release(int thread, std::uintptr_t sync) {
  if (!enabled_ || !valid(thread)) return;
  std::uint32_t& index = *sync_.find(sync, generation_, true);
  if (index == 0) {
    if (clocks_used_ == clocks_.size()) clocks_.emplace_back();
    clocks_[clocks_used_].fill(0);
    index = static_cast<std::uint32_t>(++clocks_used_);
  }
  Clock& c = clock_of(thread);
  join_into(clocks_[index - 1], c);
  ++c[thread];
}

bool RaceDetector::ordered(const Access& a, int thread) {
  if (a.thread < 0 || a.thread == thread) return true;
  return clock_of(thread)[a.thread] >= a.epoch;
}

void RaceDetector::report(std::uintptr_t address, const Access& earlier, bool earlier_write,
                          int thread, bool write, std::uintptr_t pc) {
  if (!race_) race_ = Race{address, earlier.thread, thread, earlier_write, write, earlier.pc, pc};
}

bool RaceDetector::access(int thread, std::uintptr_t address, unsigned size, bool write,
                          std::uintptr_t pc) {
  if (!enabled_ || race_ || !valid(thread)) return false;
  const unsigned offset = address & 7;
  const unsigned span = std::min(size, 8 - offset);  // the first granule only
  const auto bytes = static_cast<std::uint8_t>(((1u << span) - 1) << offset);
  Granule& g = *shadow_.find(address >> 3, generation_, true);
  const std::uint32_t epoch = clock_of(thread)[thread];
  if ((g.write.bytes & bytes) && !ordered(g.write, thread)) {
    report(address, g.write, true, thread, write, pc);
    return true;
  }
  if (write) {
    for (const Access& r : g.reads) {
      if ((r.bytes & bytes) && !ordered(r, thread)) {
        report(address, r, false, thread, write, pc);
        return true;
      }
    }
    g.write = {thread, epoch, bytes, pc};
    for (Access& r : g.reads) r = {};
    return false;
  }
  // One entry per thread and bytes read: merging another read's bytes into an entry would
  // date the older bytes' read to the newer epoch (after an unlock, say) and report a race with
  // a write the unlock ordered.
  Access* slot = nullptr;
  for (Access& r : g.reads)
    if (r.thread == thread && r.bytes == bytes) slot = &r;
  if (!slot)
    for (Access& r : g.reads)
      if (r.thread < 0 && !slot) slot = &r;
  if (!slot) slot = &g.reads[0];  // four reads kept: forget the first (a race may be missed)
  *slot = {thread, epoch, bytes, pc};
  return false;
}

void RaceDetector::forget(std::uintptr_t address, std::size_t size) {
  if (!enabled_ || size == 0 || shadow_.used == 0) return;
  const std::uintptr_t first = address >> 3, last = (address + size - 1) >> 3;
  if (last - first + 1 > shadow_.slots.size()) {  // a large block: walk the table instead
    for (auto& s : shadow_.slots)
      if (s.generation == generation_ && s.key >= first && s.key <= last) s.value = Granule{};
    return;
  }
  for (std::uintptr_t k = first; k <= last; ++k)
    if (Granule* g = shadow_.find(k, generation_, false)) *g = Granule{};
}

}  // namespace cj::explore
