// A least-recently-used cache as a sequential specification for the linearizability checker
// (cj/linearizability.hpp): get(key) returns the cached value or -1 and makes the key the most
// recently used; put(key, value) stores or updates the key, makes it the most recently used and,
// when that leaves more than `capacity` keys, evicts the least recently used one; size() counts
// the cached keys.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cj/history.hpp"

namespace cj::lru {

/// Operation::method values for a cache history; a put's key is arg and its value arg2.
enum Method : int { kGet = 0, kPut = 1, kSize = 2 };

struct Spec {
  /// (key, value), most recently used first.
  using State = std::vector<std::pair<long long, long long>>;
  int capacity = 1;

  State initial() const { return {}; }

  std::optional<long long> apply(State& s, const Operation& op) const {
    if (op.method == kSize) return static_cast<long long>(s.size());
    auto it = s.begin();
    while (it != s.end() && it->first != op.arg) ++it;
    if (op.method == kGet) {
      if (it == s.end()) return -1;
      const auto entry = *it;
      s.erase(it);
      s.insert(s.begin(), entry);
      return entry.second;
    }
    if (it != s.end()) s.erase(it);
    s.insert(s.begin(), {op.arg, op.arg2});
    if (s.size() > static_cast<std::size_t>(capacity)) s.pop_back();
    return 0;
  }

  std::string key(const State& s) const {
    std::string k;
    for (const auto& [key, value] : s) {
      k.append(reinterpret_cast<const char*>(&key), sizeof key);
      k.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    return k;
  }

  /// size() calls first, then each put with the gets that returned its value, latest first, then
  /// the gets that returned -1: dropping a put alone would leave a get of a value nobody stored.
  std::vector<std::vector<std::size_t>> units(const std::vector<Operation>& w) const {
    std::vector<std::vector<std::size_t>> units;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (w[i].method == kSize) units.push_back({i});
    for (std::size_t i = w.size(); i-- > 0;) {
      if (w[i].method != kPut) continue;
      std::vector<std::size_t> unit{i};
      for (std::size_t j = 0; j < w.size(); ++j)
        if (w[j].method == kGet && !w[j].pending() && w[j].arg == w[i].arg &&
            w[j].result == w[i].arg2)
          unit.push_back(j);
      units.push_back(unit);
    }
    for (std::size_t i = w.size(); i-- > 0;)
      if (w[i].method == kGet && (w[i].pending() || w[i].result == -1)) units.push_back({i});
    return units;
  }
};

}  // namespace cj::lru
