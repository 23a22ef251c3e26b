// The model's tables from an object's address (a mutex, a condition variable, a futex word...)
// to its state. Most executions meet a handful of objects, where a linear search over a deque
// beats hashing; past kLinear entries (a vector of 2000 promises) a hash index takes over.
// Clearing keeps the memory for the next execution. References stay valid while entries are
// added (a thread blocked in cond_wait holds one to its mutex's state).
#pragma once

#include <deque>
#include <iterator>
#include <unordered_map>
#include <utility>

namespace cj::explore {

template <class T>
class AddressTable {
  using Entries = std::deque<std::pair<const void*, T>>;

 public:
  using iterator = typename Entries::iterator;
  using const_iterator = typename Entries::const_iterator;

  iterator begin() noexcept { return entries_.begin(); }
  iterator end() noexcept { return entries_.end(); }
  const_iterator begin() const noexcept { return entries_.begin(); }
  const_iterator end() const noexcept { return entries_.end(); }

  iterator find(const void* address) noexcept {
    if (!index_.empty()) {
      auto i = index_.find(address);
      return i == index_.end() ? entries_.end() : entries_.begin() + i->second;
    }
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->first == address) return it;
    return entries_.end();
  }
  const_iterator find(const void* address) const noexcept {
    return const_cast<AddressTable*>(this)->find(address);
  }
  /// Adds (address, value) unless address is present; the entry and whether it was added.
  std::pair<iterator, bool> try_emplace(const void* address, T value) {
    if (auto it = find(address); it != end()) return {it, false};
    entries_.emplace_back(address, std::move(value));
    if (!index_.empty()) {
      index_.emplace(address, entries_.size() - 1);
    } else if (entries_.size() > kLinear) {
      for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].first, i);
    }
    return {std::prev(entries_.end()), true};
  }
  std::pair<iterator, bool> emplace(const void* address, T value) {
    return try_emplace(address, std::move(value));
  }
  T& operator[](const void* address) { return try_emplace(address, T{}).first->second; }
  void clear() noexcept {
    entries_.clear();
    index_.clear();
  }

 private:
  static constexpr std::size_t kLinear = 16;
  Entries entries_;
  std::unordered_map<const void*, std::size_t> index_;  // built once past kLinear entries
};

}  // namespace cj::explore
