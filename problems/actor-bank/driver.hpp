// Bank of Actors: client threads ask for transfers (some to accounts that do not exist); the last
// client to finish asks for the balances. The solution calls record(account, transfer, balance)
// each time an account's actor changes that account's balance. The records, kept per account in
// lock-free slots (relaxed atomics: recording must not order the solution's threads), are
// replayed from the opening balances: every change must be exactly its transfer's debit or
// credit, no balance may go below zero, each "ok" transfer is debited and credited once and a
// failed one not at all, a client's debits from one account happen in the order it asked for
// them, no account is changed by two threads at once or on the thread calling transfer(), and
// balances() agrees with the replay (so money is conserved). The first client opens the bank and
// the last destroys it, so that the bank's threads start and end inside the trial.
// This file holds what needs the learner's class (the trial that calls it, and the record() and
// done() callbacks its threads call); the cases and the check are compiled once (checks.hpp).
#include <atomic>
#include <memory>
#include <mutex>

#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::actor_bank {

inline thread_local int calling_transfer = -1;  // the client inside transfer() on this thread

class BankTrial final : public Trial {
 public:
  explicit BankTrial(const BankCase& c)
      : c_(c),
        slots_(std::make_unique<Slot[]>(kSlots * c.accounts())),
        used_(std::make_unique<std::atomic<int>[]>(c.accounts())),
        busy_(std::make_unique<std::atomic<int>[]>(c.accounts())),
        outcomes_(std::make_unique<std::atomic<int>[]>(c.total())),
        done_calls_(std::make_unique<std::atomic<int>[]>(c.total())) {
    for (int a = 0; a < c.accounts(); ++a) used_[a] = 0, busy_[a] = 0;
    for (int t = 0; t < c.total(); ++t) outcomes_[t] = 0, done_calls_[t] = 0;
  }

  void run(int client) override {
    // The bank starts its threads from a trial thread (which runners control), once; the other
    // clients wait for it in call_once.
    std::call_once(opened_, [this] {
      bank_ = std::make_unique<::Bank>(c_.opening, [this](int account, int transfer, int balance) {
        record(account, transfer, balance);
      });
    });
    for (int j = 0; j < c_.transfers_each; ++j) {
      int from, to, amount;
      c_.plan(client, j, from, to, amount);
      calling_transfer = client;
      bank_->transfer(BankCase::id(client, j), from, to, amount,
                      [this](int id, std::string outcome) { done(id, outcome); });
      calling_transfer = -1;
    }
    if (clients_done_.fetch_add(1, std::memory_order_acq_rel) + 1 == c_.clients) {
      final_ = bank_->balances();
      have_final_ = true;
      bank_.reset();  // stops the actors and joins their threads
    }
  }

  Check check() override {
    return check_records(c_, {problem_.get(), slots_.get(), used_.get(), outcomes_.get(),
                              done_calls_.get(), have_final_ ? &final_ : nullptr});
  }

 private:
  /// The first problem seen while the threads ran, kept for check().
  class FirstProblem {
   public:
    void set(std::string what) {
      bool expected = false;
      if (claimed_.compare_exchange_strong(expected, true, std::memory_order_relaxed))
        text_ = std::move(what), ready_.store(true, std::memory_order_release);
    }
    std::string get() const { return ready_.load(std::memory_order_acquire) ? text_ : ""; }

   private:
    std::atomic<bool> claimed_{false}, ready_{false};
    std::string text_;
  };

  void record(int account, int transfer, int balance) {
    note_progress();
    if (account < 0 || account >= c_.accounts()) {
      problem_.set("record() was called for account " + std::to_string(account) +
                   ", which does not exist");
      return;
    }
    if (calling_transfer >= 0)
      problem_.set("account " + std::to_string(account) +
                   " was changed on the thread of the client calling transfer(): the transfer "
                   "must be a message handled by the account's own actor");
    if (busy_[account].fetch_add(1, std::memory_order_relaxed) != 0)
      problem_.set("two threads changed account " + std::to_string(account) +
                   " at the same time: an actor handles its messages one at a time");
    const int k = used_[account].fetch_add(1, std::memory_order_relaxed);
    if (k < kSlots) {
      slots_[account * kSlots + k].transfer.store(transfer, std::memory_order_relaxed);
      slots_[account * kSlots + k].balance.store(balance, std::memory_order_relaxed);
    }
    std::this_thread::yield();  // widen the window in which a second thread would overlap
    busy_[account].fetch_sub(1, std::memory_order_relaxed);
  }

  void done(int id, const std::string& outcome) {
    note_progress();
    const int client = id / 100 - 1, j = id % 100 - 1;
    if (client < 0 || client >= c_.clients || j < 0 || j >= c_.transfers_each) {
      problem_.set("done() was called for transfer " + std::to_string(id) +
                   ", which nobody asked for");
      return;
    }
    const int t = client * c_.transfers_each + j;
    done_calls_[t].fetch_add(1, std::memory_order_relaxed);
    const int code = outcome == "ok"                   ? 1
                     : outcome == "insufficient funds" ? 2
                     : outcome == "no such account"    ? 3
                                                       : 4;
    outcomes_[t].store(code, std::memory_order_relaxed);
  }

  const BankCase& c_;
  std::unique_ptr<Slot[]> slots_;             // kSlots per account, filled in order
  std::unique_ptr<std::atomic<int>[]> used_;  // slots taken per account
  std::unique_ptr<std::atomic<int>[]> busy_;  // threads inside record() per account
  std::unique_ptr<std::atomic<int>[]> outcomes_, done_calls_;  // per transfer
  FirstProblem problem_;
  std::atomic<int> clients_done_{0};
  std::vector<int> final_;  // written by the last client, read by check()
  bool have_final_ = false;
  std::once_flag opened_;
  std::unique_ptr<::Bank> bank_;  // opened by the first client, destroyed by the last
};

class ActorBank final : public Problem {
 public:
  std::string slug() const override { return "actor-bank"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& c : bank_cases()) cases.push_back({c.input(), c.clients, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<BankTrial>(find(c));
  }
  std::string actor_name(const Case&, int) const override { return "transfer()"; }
  bool solution_starts_threads() const override { return true; }

 private:
  static const BankCase& find(const Case& c) {
    return bank_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(ActorBank);

}  // namespace cj::actor_bank
