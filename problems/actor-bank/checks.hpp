// Bank of Actors, the part of the driver that does not need the learner's class: the cases, the
// slots record() fills, and the check of those records, the done() answers and balances() once
// the trial is over. Compiled once (checks.cpp), not with every submission. What the clients and
// the bank's threads run (the plan of a transfer, its id, the number of accounts) stays inline
// here, compiled with the submission.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "cj/problem.hpp"

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
  std::string input() const;
};

const std::vector<BankCase>& bank_cases();

/// Records kept per account: kSlots of them, filled in order.
inline constexpr int kSlots = 128;

/// One record(account, transfer, balance) call.
struct Slot {
  std::atomic<int> transfer{0}, balance{0};
};

/// What a trial recorded, read by check_records() once every run() returned.
struct Recordings {
  std::string problem;                 // the first problem seen while the threads ran, or ""
  const Slot* slots;                   // kSlots per account, filled in order
  const std::atomic<int>* used;        // slots taken per account
  const std::atomic<int>* outcomes;    // per transfer, done()'s answer: 1 ok, 2 insufficient
                                       // funds, 3 no such account, 4 anything else
  const std::atomic<int>* done_calls;  // per transfer
  /// What balances() returned; null when it did not return.
  const std::vector<int>* final_balances;
};

/// Replays the records from the opening balances: every change is its transfer's debit or
/// credit, no balance goes below zero, a client's debits from one account come in the order it
/// asked for them, each transfer is answered once and as it was applied, and balances() agrees
/// with the replay.
Check check_records(const BankCase& c, const Recordings& r);

}  // namespace cj::actor_bank
