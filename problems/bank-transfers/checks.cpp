// The compiled-once part of the Bank transfers driver (checks.hpp).
#include "checks.hpp"

#include <optional>
#include <utility>

#include "cj/linearizability.hpp"

namespace cj::bank_transfers {

namespace {

/// The sequential bank. A transfer's accounts are packed into arg (from * 64 + to), its amount
/// is arg2; it returns 1 when it moved the money and 0 when the source held too little.
struct BankSpec {
  using State = std::vector<long long>;
  State opening;

  State initial() const { return opening; }

  std::optional<long long> apply(State& s, const Operation& op) const {
    if (op.method == kBalance) return s[static_cast<std::size_t>(op.arg)];
    if (op.method == kAudit) {
      long long total = 0;
      for (long long b : s) total += b;
      return total;
    }
    const auto from = static_cast<std::size_t>(op.arg / 64),
               to = static_cast<std::size_t>(op.arg % 64);
    if (s[from] < op.arg2) return 0;
    s[from] -= op.arg2;
    s[to] += op.arg2;
    return 1;
  }

  std::string key(const State& s) const {
    std::string k;
    for (long long b : s) k.append(reinterpret_cast<const char*>(&b), sizeof b);
    return k;
  }
};

std::string call_text(const Operation& op) {
  if (op.method == kTransfer)
    return Call{kTransfer, static_cast<int>(op.arg / 64), static_cast<int>(op.arg % 64),
                static_cast<int>(op.arg2)}
        .text();
  return Call{op.method, static_cast<int>(op.arg)}.text();
}

/// Violations that need no search: an audit that is not the opening total, a negative balance.
std::optional<std::pair<std::string, std::vector<Operation>>> obvious(
    const BankCase& c, const std::vector<Operation>& ops) {
  const std::string total = std::to_string(c.total());
  for (const auto& op : ops) {
    if (op.pending()) continue;
    if (op.method == kAudit && op.result != c.total())
      return std::pair{"audit() returned " + std::to_string(op.result) +
                           ", but transfers only move money and the accounts hold " + total +
                           " in all: audit() did not see one consistent snapshot (or money "
                           "was created or lost)",
                       std::vector<Operation>{op}};
    if (op.method == kBalance && op.result < 0)
      return std::pair{"balance(" + std::to_string(op.arg) + ") returned " +
                           std::to_string(op.result) +
                           ": an account was overdrawn; a transfer must be refused when the "
                           "source holds less than the amount",
                       std::vector<Operation>{op}};
  }
  return std::nullopt;
}

/// One sentence for a minimised witness: what the last call to return should have returned.
std::string explain(const BankSpec& spec, const std::vector<Operation>& w) {
  std::size_t last = w.size();
  for (std::size_t i = 0; i < w.size(); ++i)
    if (!w[i].pending() && (last == w.size() || w[i].ret > w[last].ret)) last = i;
  const std::string generic =
      "no one-at-a-time order of these calls that respects their timing is a run of the bank";
  if (last == w.size()) return generic;
  const Operation& op = w[last];
  std::vector<long long> candidates;
  if (op.method == kTransfer) {
    candidates = {0, 1};
  } else {
    long long most = 0;
    for (long long b : spec.opening) most += b;
    for (long long r = 0; r <= most; ++r) candidates.push_back(r);
  }
  const std::vector<long long> allowed = lin::allowed_results(spec, w, last, candidates);
  if (allowed.size() != 1) return generic;
  if (op.method == kTransfer)
    return call_text(op) + " returned " + (op.result ? "true" : "false") +
           ", but in every one-at-a-time order of these calls that respects their timing it " +
           (allowed[0] ? "succeeds: the source held the amount"
                       : "must be refused: the source held less than the amount");
  return call_text(op) + " returned " + std::to_string(op.result) +
         ", but in every one-at-a-time order of these calls that respects their timing it "
         "returns " +
         std::to_string(allowed[0]);
}

}  // namespace

std::string Call::text() const {
  if (method == kAudit) return "audit()";
  if (method == kBalance) return "balance(" + std::to_string(from) + ")";
  return "transfer(" + std::to_string(from) + ", " + std::to_string(to) + ", " +
         std::to_string(amount) + ")";
}

int BankCase::accounts() const { return static_cast<int>(opening.size()); }

long long BankCase::total() const {
  long long t = 0;
  for (int b : opening) t += b;
  return t;
}

std::vector<Call> BankCase::script(int a) const {
  const int n = accounts();
  std::vector<Call> s;
  unsigned x = 40503u * static_cast<unsigned>(a + 1) + static_cast<unsigned>(n * 17 + calls);
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  for (int j = 0; j + 1 < calls; ++j) {
    const unsigned r = next() % 10;
    int from = a % n, to = (a + 1) % n;
    if (a % 2) std::swap(from, to);
    if (r >= 7 && n > 2)
      to = (to + 1 + static_cast<int>(next() % static_cast<unsigned>(n - 2))) % n;
    if (to == from) to = (from + 1) % n;
    if (r < 8)
      s.push_back({kTransfer, from, to, 1 + static_cast<int>(next() % 4)});
    else if (r == 8)
      s.push_back({kBalance, from, 0, 0});
    else
      s.push_back({kAudit});
  }
  s.push_back({kAudit});
  return s;
}

std::string BankCase::input() const {
  std::string s = "balances = [";
  for (std::size_t i = 0; i < opening.size(); ++i) s += (i ? "," : "") + std::to_string(opening[i]);
  s += "], " + std::to_string(threads) + " threads calling";
  for (int a = 0; a < threads; ++a) {
    s += std::string(a ? "; " : ": ") + "thread " + std::to_string(a + 1) + " [";
    const auto calls = script(a);
    for (std::size_t j = 0; j < calls.size(); ++j) s += (j ? ", " : "") + calls[j].text();
    s += "]";
  }
  return s;
}

const std::vector<BankCase>& bank_cases() {
  static const std::vector<BankCase> cases = {
      {{5, 5}, 2, 6},    {{3, 4}, 2, 8},       {{4, 2, 6}, 3, 5},
      {{2, 2, 2}, 3, 4}, {{6, 1, 3, 2}, 4, 4}, {{5, 5}, 3, 4},
  };
  return cases;
}

Check check_history(const BankCase& c, const std::vector<Operation>& ops) {
  BankSpec spec;
  for (int b : c.opening) spec.opening.push_back(b);
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
      "before which began, would give";
  f.got = lin::format(
      v->second, [](int t) { return "thread " + std::to_string(t + 1); }, call_text,
      [](const Operation& op) {
        if (op.method == kTransfer) return std::string(op.result ? "true" : "false");
        return std::to_string(op.result);
      });
  return f;
}

std::string stuck_calls(const BankCase& c, const std::vector<std::vector<Call>>& scripts,
                        const HistoryRecorder& history) {
  std::string s;
  for (int a = 0; a < c.threads; ++a) {
    const int call = history.begun(a);
    if (call == history.returned(a) || call == 0) continue;
    s += (s.empty() ? "" : ", ") + std::string("thread ") + std::to_string(a + 1) + " is inside " +
         scripts[a][static_cast<std::size_t>(call - 1)].text();
  }
  return s;
}

}  // namespace cj::bank_transfers
