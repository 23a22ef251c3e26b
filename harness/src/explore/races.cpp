#include "explore/races.hpp"

#include <algorithm>
#include <iterator>

namespace cj::explore {
namespace {

void join_into(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (std::size_t i = 0; i < from.size(); ++i) into[i] = std::max(into[i], from[i]);
}

}  // namespace

void RaceDetector::reset(bool enabled) {
  enabled_ = enabled;
  threads_.clear();
  objects_.clear();
  shadow_.clear();
  race_.reset();
}

RaceDetector::Clock& RaceDetector::clock_of(int thread) {
  const auto id = static_cast<std::size_t>(thread);
  if (threads_.size() <= id) threads_.resize(id + 1);
  Clock& c = threads_[id];
  if (c.size() <= id) c.resize(id + 1, 0);
  if (c[id] == 0) c[id] = 1;  // a thread's first epoch
  return c;
}

void RaceDetector::create(int parent, int child) {
  if (!enabled_) return;
  if (parent >= 0) {
    Clock inherited = clock_of(parent);
    ++clock_of(parent)[static_cast<std::size_t>(parent)];
    Clock& c = clock_of(child);
    join_into(c, inherited);
  } else {
    clock_of(child);
  }
}

void RaceDetector::join(int joiner, int joined) {
  if (!enabled_) return;
  const Clock done = clock_of(joined);
  join_into(clock_of(joiner), done);
}

void RaceDetector::acquire(int thread, std::uintptr_t sync) {
  if (!enabled_) return;
  auto it = objects_.find(sync);
  if (it != objects_.end()) join_into(clock_of(thread), it->second);
}

void RaceDetector::release(int thread, std::uintptr_t sync) {
  if (!enabled_) return;
  Clock& c = clock_of(thread);
  join_into(objects_[sync], c);
  ++c[static_cast<std::size_t>(thread)];
}

bool RaceDetector::ordered(const Access& a, int thread) {
  if (a.thread < 0 || a.thread == thread) return true;
  const Clock& c = clock_of(thread);
  const auto other = static_cast<std::size_t>(a.thread);
  return other < c.size() && c[other] >= a.epoch;
}

void RaceDetector::report(std::uintptr_t address, const Access& earlier, int thread, bool write,
                          std::uintptr_t pc) {
  if (race_) return;
  race_ = Race{address, earlier.thread, thread, earlier_was_write_, write, earlier.pc, pc};
}

bool RaceDetector::access(int thread, std::uintptr_t address, unsigned size, bool write,
                          std::uintptr_t pc) {
  if (!enabled_ || race_) return false;
  const unsigned offset = address & 7;
  const unsigned span = std::min(size, 8 - offset);  // the first granule only
  const auto bytes = static_cast<std::uint8_t>(((1u << span) - 1) << offset);
  Granule& g = shadow_[address >> 3];
  const std::uint32_t epoch = clock_of(thread)[static_cast<std::size_t>(thread)];
  if ((g.write.bytes & bytes) && !ordered(g.write, thread)) {
    earlier_was_write_ = true;
    report(address, g.write, thread, write, pc);
    return true;
  }
  if (write) {
    for (const Access& r : g.reads) {
      if ((r.bytes & bytes) && !ordered(r, thread)) {
        earlier_was_write_ = false;
        report(address, r, thread, write, pc);
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
  if (!enabled_ || size == 0 || shadow_.empty()) return;
  const std::uintptr_t first = address >> 3, last = (address + size - 1) >> 3;
  if (last - first + 1 > shadow_.size()) {  // a large block: walk what is remembered instead
    for (auto it = shadow_.begin(); it != shadow_.end();)
      it = it->first >= first && it->first <= last ? shadow_.erase(it) : std::next(it);
    return;
  }
  for (std::uintptr_t g = first; g <= last; ++g) shadow_.erase(g);
}

}  // namespace cj::explore
