// The compiled-once part of the Concurrent LRU cache driver (checks.hpp).
#include "checks.hpp"

#include <optional>
#include <utility>

#include "cj/linearizability.hpp"

namespace cj::concurrent_lru_cache {

namespace {

std::string call_text(const Operation& op) {
  return Call{op.method, static_cast<int>(op.arg), static_cast<int>(op.arg2)}.text();
}

/// Violations that need no search: an impossible size, a value nobody put for that key.
std::optional<std::pair<std::string, std::vector<Operation>>> obvious(
    const LruCase& c, const std::vector<Operation>& ops) {
  const std::string cap = std::to_string(c.capacity);
  for (const auto& op : ops) {
    if (op.pending()) continue;
    const std::string r = std::to_string(op.result);
    if (op.method == lru::kSize && (op.result < 0 || op.result > c.capacity))
      return std::pair{"size() returned " + r + ", but the capacity is " + cap +
                           ": the cache must never hold more than " + cap + " keys",
                       std::vector<Operation>{op}};
    if (op.method != lru::kGet || op.result == -1) continue;
    const Operation* put = nullptr;
    for (const auto& p : ops)
      if (p.method == lru::kPut && p.arg == op.arg && p.arg2 == op.result) put = &p;
    if (!put)
      return std::pair{call_text(op) + " returned " + r + ", a value no put(" +
                           std::to_string(op.arg) + ", ...) stored",
                       std::vector<Operation>{op}};
    if (op.ret < put->call)
      return std::pair{
          call_text(op) + " returned " + r + " before " + call_text(*put) + " was called",
          std::vector<Operation>{op, *put}};
  }
  return std::nullopt;
}

/// One sentence for a minimised witness: what the last call to return should have returned.
std::string explain(const lru::Spec& spec, const std::vector<Operation>& w) {
  std::size_t last = w.size();
  for (std::size_t i = 0; i < w.size(); ++i)
    if (!w[i].pending() && w[i].method != lru::kPut && (last == w.size() || w[i].ret > w[last].ret))
      last = i;
  const std::string generic =
      "no one-at-a-time order of these calls that respects their timing is a run of an LRU "
      "cache of capacity " +
      std::to_string(spec.capacity);
  if (last == w.size()) return generic;
  const Operation& op = w[last];
  std::vector<long long> candidates;
  if (op.method == lru::kSize) {
    for (int n = 0; n <= spec.capacity; ++n) candidates.push_back(n);
  } else {
    candidates.push_back(-1);
    for (const auto& p : w)
      if (p.method == lru::kPut && p.arg == op.arg) candidates.push_back(p.arg2);
  }
  std::vector<long long> allowed = lin::allowed_results(spec, w, last, candidates);
  if (allowed.empty()) return generic;
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    list += (i ? (i + 1 == allowed.size() ? " or " : ", ") : "") + std::to_string(allowed[i]);
  std::string why;
  if (op.method == lru::kGet && op.result != -1 && allowed == std::vector<long long>{-1})
    why = ": key " + std::to_string(op.arg) + " must have been evicted by then";
  else if (op.method == lru::kGet && op.result == -1)
    why =
        ": key " + std::to_string(op.arg) + " was still cached, other keys were used less recently";
  return call_text(op) + " returned " + std::to_string(op.result) +
         ", but in every one-at-a-time order of these calls that respects their timing it "
         "returns " +
         list + why;
}

}  // namespace

std::string Call::text() const {
  if (method == lru::kSize) return "size()";
  if (method == lru::kGet) return "get(" + std::to_string(key) + ")";
  return "put(" + std::to_string(key) + ", " + std::to_string(value) + ")";
}

std::vector<Call> LruCase::script(int a) const {
  std::vector<Call> s;
  unsigned x =
      2654435761u * static_cast<unsigned>(a + 1) + static_cast<unsigned>(capacity * 31 + keys);
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  for (int j = 0; j + 1 < calls; ++j) {
    const int value = (a + 1) * 100 + j + 1;
    if (own_keys_first && j == 0) {
      s.push_back({lru::kPut, 1 + a % keys, value});
      continue;
    }
    const unsigned r = next() % 10;
    const int key = 1 + static_cast<int>(next() % static_cast<unsigned>(keys));
    if (r < 4)
      s.push_back({lru::kPut, key, value});
    else if (r < 9)
      s.push_back({lru::kGet, key, 0});
    else
      s.push_back({lru::kSize, 0, 0});
  }
  s.push_back({lru::kSize, 0, 0});
  return s;
}

std::string LruCase::input() const {
  std::string s = "capacity = " + std::to_string(capacity) + ", " + std::to_string(threads) +
                  " threads calling";
  for (int a = 0; a < threads; ++a) {
    s += std::string(a ? "; " : ": ") + "thread " + std::to_string(a + 1) + " [";
    const auto calls = script(a);
    for (std::size_t j = 0; j < calls.size(); ++j) s += (j ? ", " : "") + calls[j].text();
    s += "]";
  }
  return s;
}

const std::vector<LruCase>& lru_cases() {
  static const std::vector<LruCase> cases = {
      {2, 3, 2, 6, false}, {2, 3, 3, 3, true},  {1, 2, 3, 4, false},
      {3, 4, 3, 6, true},  {2, 4, 4, 4, false}, {4, 6, 2, 10, true},
  };
  return cases;
}

Check check_history(const LruCase& c, const std::vector<Operation>& ops) {
  const lru::Spec spec{c.capacity};
  std::optional<std::pair<std::string, std::vector<Operation>>> v = obvious(c, ops);
  if (!v && !lin::linearizable(spec, ops)) {
    std::vector<Operation> w = lin::minimise(spec, ops);
    v.emplace(explain(spec, w), w);
  }
  if (!v) return std::nullopt;
  Failure f;
  f.reason = v->first +
             " (the calls involved are listed as [call, return] positions in one order of events)";
  f.expected =
      "calls whose results some one-at-a-time order of them, respecting which call returned "
      "before which began, would give on an LRU cache of capacity " +
      std::to_string(c.capacity);
  f.got = lin::format(
      v->second, [](int t) { return "thread " + std::to_string(t + 1); }, call_text,
      [](const Operation& op) {
        return op.method == lru::kPut ? std::string() : std::to_string(op.result);
      });
  return f;
}

std::string stuck_calls(const LruCase& c, const std::vector<std::vector<Call>>& scripts,
                        const HistoryRecorder& history) {
  std::string s;
  for (int a = 0; a < c.threads; ++a) {
    const int call = history.begun(a);
    if (call == history.returned(a) || call == 0) continue;
    s += (s.empty() ? "" : ", ") + std::string("thread ") + std::to_string(a + 1) + " is inside " +
         scripts[a][call - 1].text();
  }
  return s;
}

}  // namespace cj::concurrent_lru_cache
