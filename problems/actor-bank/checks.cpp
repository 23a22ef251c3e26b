// The compiled-once part of the Bank of Actors driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>

namespace cj::actor_bank {

namespace {

std::string to_text(const std::vector<int>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "]";
}

}  // namespace

std::string BankCase::input() const {
  std::string s = "opening balances [";
  for (int i = 0; i < accounts(); ++i) s += (i ? "," : "") + std::to_string(opening[i]);
  return s + "], " + std::to_string(clients) + " clients asking for " +
         std::to_string(transfers_each) +
         " transfers each (every fifth to a missing account); the last calls balances()";
}

const std::vector<BankCase>& bank_cases() {
  static const std::vector<BankCase> cases = {
      {{10, 10}, 2, 5}, {{5, 0, 5}, 2, 6},  {{20, 3, 0, 7}, 3, 5},
      {{4, 4}, 1, 8},   {{0, 30, 2}, 3, 4},
  };
  return cases;
}

Check check_records(const BankCase& c, const Recordings& r) {
  Failure f;
  if (const std::string& p = r.problem; !p.empty()) {
    f.reason = p;
    return f;
  }
  std::vector<int> balance = c.opening;
  std::vector<int> debited(c.total(), 0), credited(c.total(), 0);
  for (int a = 0; a < c.accounts(); ++a) {
    std::vector<int> last_of_client(c.clients, 0);
    const int n = std::min(r.used[a].load(std::memory_order_relaxed), kSlots);
    for (int k = 0; k < n; ++k) {
      const Slot& s = r.slots[a * kSlots + k];
      const int id = s.transfer.load(std::memory_order_relaxed);
      const int now = s.balance.load(std::memory_order_relaxed);
      const int client = id / 100 - 1, j = id % 100 - 1;
      const std::string acct = "account " + std::to_string(a);
      if (client < 0 || client >= c.clients || j < 0 || j >= c.transfers_each) {
        f.reason = "record() was called for " + acct + " with transfer " + std::to_string(id) +
                   ", which nobody asked for";
        return f;
      }
      int from, to, amount;
      c.plan(client, j, from, to, amount);
      const int t = client * c.transfers_each + j;
      const int delta = now - balance[a];
      const std::string what = "transfer " + std::to_string(id) + " (" + std::to_string(amount) +
                               " from account " + std::to_string(from) + " to " +
                               std::to_string(to) + ")";
      if (a == from && delta == -amount && !debited[t]) {
        debited[t] = 1;
        if (id < last_of_client[client]) {
          f.reason = acct + " applied " + what + " before transfer " +
                     std::to_string(last_of_client[client]) +
                     ", which the same client asked for first: messages from one sender "
                     "must arrive in the order they were sent";
          return f;
        }
        last_of_client[client] = id;
      } else if (a == to && delta == amount && !credited[t]) {
        credited[t] = 1;
      } else {
        f.reason = acct + " went from " + std::to_string(balance[a]) + " to " +
                   std::to_string(now) + " for " + what +
                   ", which is not that transfer's one debit or credit of this account (a lost "
                   "update, or a change applied twice)";
        f.expected = acct + ": " + std::to_string(balance[a]) + " " + (a == from ? "- " : "+ ") +
                     std::to_string(amount);
        f.got = std::to_string(now);
        return f;
      }
      if (now < 0) {
        f.reason = acct + " went to " + std::to_string(now) + " with " + what +
                   ": a transfer without the funds must fail with \"insufficient funds\"";
        return f;
      }
      balance[a] = now;
    }
  }
  for (int t = 0; t < c.total(); ++t) {
    const int client = t / c.transfers_each, j = t % c.transfers_each;
    int from, to, amount;
    c.plan(client, j, from, to, amount);
    const std::string id = std::to_string(BankCase::id(client, j));
    const int calls = r.done_calls[t].load(std::memory_order_relaxed);
    if (calls != 1) {
      f.reason = "done() was called " + std::to_string(calls) + " times for transfer " + id +
                 ": every transfer is answered exactly once";
      return f;
    }
    const int outcome = r.outcomes[t].load(std::memory_order_relaxed);
    const bool missing = to >= c.accounts();
    const char* names[] = {"?", "ok", "insufficient funds", "no such account", "other"};
    if (missing && outcome != 3) {
      f.reason = "transfer " + id + " went to account " + std::to_string(to) +
                 ", which does not exist, but its answer was \"" + names[outcome] +
                 "\": it must come back as \"no such account\"";
      return f;
    }
    const bool moved = debited[t] && credited[t];
    if ((outcome == 1) != moved || debited[t] != credited[t]) {
      f.reason = "transfer " + id + " was answered \"" + names[outcome] + "\" but was " +
                 (debited[t] ? "debited" : "not debited") + " and " +
                 (credited[t] ? "credited" : "not credited") +
                 ": an ok transfer is debited and credited once, a failed one leaves both "
                 "accounts alone";
      return f;
    }
  }
  if (!r.final_balances) {
    f.reason = "balances() did not return";
    return f;
  }
  if (*r.final_balances != balance) {
    f.reason =
        "balances() disagrees with the changes the actors recorded (money is not "
        "conserved, or balances() did not wait for the transfers in flight)";
    f.expected = to_text(balance);
    f.got = to_text(*r.final_balances);
    return f;
  }
  return std::nullopt;
}

}  // namespace cj::actor_bank
