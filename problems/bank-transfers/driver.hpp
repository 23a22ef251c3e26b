// Bank transfers: threads move money between a few accounts in opposite directions, read
// balances and audit the bank, each from a fixed script. Every call is recorded and the history
// is judged linearizable against a sequential bank (cj/linearizability.hpp): a transfer happens
// only if the source holds the amount (no overdraft), money is never created or lost, and
// audit() returns the total of one consistent snapshot, which is always the opening total. A
// lock-order deadlock between opposite transfers is reported by the runners as a deadlock.
// This file holds what needs the learner's class (the trial that calls it); the cases, the
// scripts and the check are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::bank_transfers {

class BankTrial final : public Trial {
 public:
  explicit BankTrial(const BankCase& c)
      : c_(c), bank_(c.opening), history_(c.threads, static_cast<std::size_t>(c.calls) + 2) {
    for (int a = 0; a < c.threads; ++a) scripts_.push_back(c.script(a));
  }

  void run(int actor) override {
    for (const Call& call : scripts_[actor]) {
      const long long arg = call.method == kTransfer ? call.from * 64 + call.to : call.from;
      const auto slot = history_.begin(actor, call.method, arg, call.amount);
      long long result = 0;
      if (call.method == kTransfer)
        result = bank_.transfer(call.from, call.to, call.amount) ? 1 : 0;
      else if (call.method == kBalance)
        result = bank_.balance(call.from);
      else
        result = bank_.audit();
      history_.end(actor, slot, result);
    }
  }

  Check check() override { return check_history(c_, history_.operations()); }

  std::string stuck_state() const override { return stuck_calls(c_, scripts_, history_); }

 private:
  const BankCase& c_;
  ::Bank bank_;
  HistoryRecorder history_;
  std::vector<std::vector<Call>> scripts_;
};

class BankTransfers final : public Problem {
 public:
  std::string slug() const override { return "bank-transfers"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : bank_cases()) cases.push_back({c.input(), c.threads, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<BankTrial>(find(c));
  }
  std::string actor_name(const Case&, int actor) const override {
    return "thread " + std::to_string(actor + 1);
  }

 private:
  static const BankCase& find(const Case& c) {
    for (const auto& q : bank_cases())
      if (q.input() == c.input) return q;
    return bank_cases().front();
  }
};

CJ_PROBLEM(BankTransfers);

}  // namespace cj::bank_transfers
