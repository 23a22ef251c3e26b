// The compiled-once part of the Dining Philosophers driver (checks.hpp).
#include "checks.hpp"

namespace cj::dining_philosophers {

Check check_meals(const std::array<int, kPhilosophers>& eaten, int meals) {
  for (int p = 0; p < kPhilosophers; ++p) {
    const int ate = eaten[p];
    if (ate != meals) {
      return Failure{"wrong_answer",
                     who(p) + " ate " + std::to_string(ate) + " times but was asked to eat " +
                         std::to_string(meals) + " times",
                     "", "", ""};
    }
  }
  return std::nullopt;
}

std::string stuck_text(const std::array<int, kPhilosophers>& owner,
                       const std::array<int, kPhilosophers>& eaten, int meals) {
  auto wanted = [&](int p) -> int {  // the fork p waits for, or -1 when that is not known
    const bool has_left = owner[left_fork(p)] == p, has_right = owner[right_fork(p)] == p;
    if (has_left == has_right) return -1;
    return has_left ? right_fork(p) : left_fork(p);
  };
  auto held = [&](int p) {
    std::string forks;
    for (int f : {right_fork(p), left_fork(p)})
      if (owner[f] == p) forks += (forks.empty() ? "" : " and ") + fork_name(f);
    return forks;
  };
  for (int start = 0; start < kPhilosophers; ++start) {
    // Follow "waits for a fork held by" from start; a return to start is a deadlock cycle.
    std::string cycle;
    int p = start;
    for (int step = 0; step < kPhilosophers; ++step) {
      const int f = wanted(p);
      if (f < 0 || owner[f] == kNobody) break;
      cycle += (step ? "; " : "") + who(p) + " holds " + held(p) + " and waits for " +
               fork_name(f) + " held by " + who(owner[f]);
      p = owner[f];
      if (p == start) return cycle + ": a cycle, so none of them can ever eat";
    }
  }
  std::string state;
  for (int p = 0; p < kPhilosophers; ++p) {
    const std::string forks = held(p);
    state += (p ? "; " : "") + who(p) + " holds " + (forks.empty() ? "no fork" : forks) +
             " and has eaten " + std::to_string(eaten[p]) + " of " + std::to_string(meals) +
             " times";
  }
  return state;
}

}  // namespace cj::dining_philosophers
