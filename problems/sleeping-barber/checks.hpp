// The Sleeping Barber, the part of the driver that does not need the learner's class: a customer's
// states, the cases and the stall text. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/case_params.hpp"

namespace cj::sleeping_barber {

enum State : int { kOutside, kInShop, kInChair, kCut, kGone };

inline std::string customer_name(int id) { return "customer " + std::to_string(id); }

/// The cases: "chairs" and "customers"; actor 0 is the barber, the last one calls close().
const NamedCases& shop_cases();

/// For a stall: `states` holds each customer's State by id (1-based; states[0] unused), `gone`
/// how many customers had left, `barber_stuck` whether close() was called and barber() had not
/// returned.
std::string stuck_text(const std::vector<int>& states, int cuts, int gone, bool barber_stuck);

}  // namespace cj::sleeping_barber
