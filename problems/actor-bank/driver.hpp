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
#include <atomic>
#include <memory>
#include <mutex>

#include "cj/harness.hpp"

namespace cj::actor_bank {

struct BankCase {
  std::vector<int> opening;
  int clients;
  int transfers_each;

  int accounts() const { return static_cast<int>(opening.size()); }
  int total() const { return clients * transfers_each; }
  static int id(int client, int j) { return (client + 1) * 100 + j + 1; }
  /// Transfer j of a client: deterministic, with every fifth one to a missing account.
  void plan(int client, int j, int& from, int& to, int& amount) const {
    const int n = accounts();
    from = (client + j) % n;
    to = (j % 5 == 4) ? n + client : (from + 1 + (client + 2 * j) % (n - 1)) % n;
    amount = 1 + (client * 7 + j * 3) % 9;
  }
  std::string input() const {
    std::string s = "opening balances [";
    for (int i = 0; i < accounts(); ++i) s += (i ? "," : "") + std::to_string(opening[i]);
    return s + "], " + std::to_string(clients) + " clients asking for " +
           std::to_string(transfers_each) +
           " transfers each (every fifth to a missing account); the last calls balances()";
  }
};

inline const std::vector<BankCase>& bank_cases() {
  static const std::vector<BankCase> cases = {
      {{10, 10}, 2, 5}, {{5, 0, 5}, 2, 6},  {{20, 3, 0, 7}, 3, 5},
      {{4, 4}, 1, 8},   {{0, 30, 2}, 3, 4},
  };
  return cases;
}

inline thread_local int calling_transfer = -1;  // the client inside transfer() on this thread

class BankTrial final : public Trial {
  static constexpr int kSlots = 128;
  struct Slot {
    std::atomic<int> transfer{0}, balance{0};
  };

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
    Failure f;
    if (const std::string& p = problem_.get(); !p.empty()) {
      f.reason = p;
      return f;
    }
    std::vector<int> balance = c_.opening;
    std::vector<int> debited(c_.total(), 0), credited(c_.total(), 0);
    for (int a = 0; a < c_.accounts(); ++a) {
      std::vector<int> last_of_client(c_.clients, 0);
      const int n = std::min(used_[a].load(std::memory_order_relaxed), kSlots);
      for (int k = 0; k < n; ++k) {
        const Slot& s = slots_[a * kSlots + k];
        const int id = s.transfer.load(std::memory_order_relaxed);
        const int now = s.balance.load(std::memory_order_relaxed);
        const int client = id / 100 - 1, j = id % 100 - 1;
        const std::string acct = "account " + std::to_string(a);
        if (client < 0 || client >= c_.clients || j < 0 || j >= c_.transfers_each) {
          f.reason = "record() was called for " + acct + " with transfer " + std::to_string(id) +
                     ", which nobody asked for";
          return f;
        }
        int from, to, amount;
        c_.plan(client, j, from, to, amount);
        const int t = client * c_.transfers_each + j;
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
    for (int t = 0; t < c_.total(); ++t) {
      const int client = t / c_.transfers_each, j = t % c_.transfers_each;
      int from, to, amount;
      c_.plan(client, j, from, to, amount);
      const std::string id = std::to_string(BankCase::id(client, j));
      const int calls = done_calls_[t].load(std::memory_order_relaxed);
      if (calls != 1) {
        f.reason = "done() was called " + std::to_string(calls) + " times for transfer " + id +
                   ": every transfer is answered exactly once";
        return f;
      }
      const int outcome = outcomes_[t].load(std::memory_order_relaxed);
      const bool missing = to >= c_.accounts();
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
    if (!have_final_) {
      f.reason = "balances() did not return";
      return f;
    }
    if (final_ != balance) {
      f.reason =
          "balances() disagrees with the changes the actors recorded (money is not "
          "conserved, or balances() did not wait for the transfers in flight)";
      f.expected = to_text(balance);
      f.got = to_text(final_);
      return f;
    }
    return std::nullopt;
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

  static std::string to_text(const std::vector<int>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
    return s + "]";
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
