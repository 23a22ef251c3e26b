// Referee Queue, the part of the driver that does not need the learner's class:
// the cases, the check of the recorded calls and matches (and of the idle
// windows a desk measured) and the stall text. Compiled once (checks.cpp), not
// with every submission.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "cj/clock.hpp"
#include "cj/history.hpp"
#include "cj/idle_cpu.hpp"
#include "cj/problem.hpp"

namespace cj::referee_queue {

enum Method { kArrive = 0, kOfficiate = 1, kReferee = 2, kClose = 3 };

/// What a desk does next: `users` arrive back to back, then it pauses, or
/// (idle) waits until every user arrived so far has been officiated and keeps
/// still while the referees are idle.
struct Step {
  int users;
  int pause_us;
  bool idle;
};

struct RefereeCase {
  int referees;
  std::vector<std::vector<Step>> desks;  // each desk's steps
  int match_us;                          // a match takes match_us, 2x or 3x (by user)

  int actors() const { return referees + static_cast<int>(desks.size()); }
  bool is_referee(int a) const { return a < referees; }
  /// User i (0-based) of desk d: "user 203" is desk 2's third user.
  static int user(int d, int i) { return (d + 1) * 100 + i + 1; }
  int users_of(int d) const {
    int n = 0;
    for (const Step &s : desks[d]) n += s.users;
    return n;
  }
  int users() const {
    int n = 0;
    for (std::size_t d = 0; d < desks.size(); ++d) n += users_of(static_cast<int>(d));
    return n;
  }
  /// On virtual time a tenth as long: only the order of events matters there,
  /// and a referee that polls costs a scheduling step per virtual microsecond.
  std::chrono::microseconds match(int user) const {
    const long long us = match_us * (1 + user % 3);
    return scaled_us(us / 10, us);
  }

  std::string input() const;
};

const std::vector<RefereeCase> &referee_cases();

/// nullopt when officiate ran only on referees' threads (`foreign` counts the
/// other calls), no referee left before close(), every user was officiated
/// exactly once, no referee had two matches at once, users were served in the
/// order they arrived, and the referees kept still in every idle window.
Check check_trial(int foreign, const HistoryRecorder &history, const std::vector<IdleWindow> &idle);

/// For a stall: how many users were officiated (`served`), and who was still in
/// which call.
std::string stuck_calls(const RefereeCase &c, int served, const HistoryRecorder &history);

}  // namespace cj::referee_queue
