// Bank transfers, the part of the driver that does not need the learner's class: the cases, each
// thread's script, and the check of a recorded history against a sequential bank. Compiled once
// (checks.cpp), not with every submission.
#pragma once

#include <string>
#include <vector>

#include "cj/history.hpp"
#include "cj/problem.hpp"

namespace cj::bank_transfers {

enum Method : int { kTransfer = 0, kBalance = 1, kAudit = 2 };

struct Call {
  int method;
  int from = 0, to = 0, amount = 0;  // transfer; balance uses `from` as its account

  std::string text() const;
};

struct BankCase {
  std::vector<int> opening;  // balances of accounts 0..n-1
  int threads;
  int calls;  // per thread, the closing audit() included

  int accounts() const;
  long long total() const;

  /// Thread a mostly moves money between accounts a % n and (a + 1) % n, odd threads in the
  /// opposite direction to even ones, so that opposite transfers meet; amounts are large enough
  /// that some transfers must be refused.
  std::vector<Call> script(int a) const;
  std::string input() const;
};

const std::vector<BankCase>& bank_cases();

/// nullopt when some one-at-a-time order of the calls, respecting their timing, is a run of the
/// sequential bank; otherwise the smallest sub-history that shows it is not (or the one call that
/// is wrong on its own), with a sentence on what the last call to return should have returned.
Check check_history(const BankCase& c, const std::vector<Operation>& ops);

/// For a stall: which thread is inside which call.
std::string stuck_calls(const BankCase& c, const std::vector<std::vector<Call>>& scripts,
                        const HistoryRecorder& history);

}  // namespace cj::bank_transfers
