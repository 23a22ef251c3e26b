// The Dining Philosophers, the part of the driver that does not need the learner's class: the
// forks' numbering, the check of the meals and the stall text. Compiled once (checks.cpp).
#pragma once

#include <array>
#include <string>

#include "cj/problem.hpp"

namespace cj::dining_philosophers {

constexpr int kPhilosophers = 5;
constexpr int kNobody = -1;

// LeetCode's numbering: philosopher i's right fork is fork i, its left fork is fork (i + 1) % 5.
inline int right_fork(int p) { return p; }
inline int left_fork(int p) { return (p + 1) % kPhilosophers; }

inline int other_fork(int p, int f) { return f == right_fork(p) ? left_fork(p) : right_fork(p); }

inline std::string who(int p) { return "philosopher " + std::to_string(p); }
inline std::string fork_name(int f) { return "fork " + std::to_string(f); }

/// nullopt when every philosopher ate `meals` times.
Check check_meals(const std::array<int, kPhilosophers>& eaten, int meals);

/// Who holds which fork (`owner`, per fork: a philosopher or kNobody), and the wait-for cycle
/// when there is one: a philosopher holding one of its forks outside a meal is waiting for the
/// other.
std::string stuck_text(const std::array<int, kPhilosophers>& owner,
                       const std::array<int, kPhilosophers>& eaten, int meals);

}  // namespace cj::dining_philosophers
