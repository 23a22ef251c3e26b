// Print in Order, the part of the driver that does not need the learner's class: the cases (every
// start order of the three threads) and the one answer. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/problem.hpp"
#include "cj/sequence.hpp"

namespace cj::print_in_order {

/// The one answer, whatever the start order.
const Sequence& in_order();

/// One case per start order of first(), second() and third(): "nums = [1,3,2]".
std::vector<Case> start_orders();

/// "first()", "second()" or "third()".
std::string method_name(int actor);

}  // namespace cj::print_in_order
