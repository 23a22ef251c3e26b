// The compiled-once part of the Print in Order driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>

namespace cj::print_in_order {

const Sequence& in_order() {
  static const Sequence s = [] {
    Sequence s;
    s.add("first", "first()");
    s.add("second", "second()");
    s.add("third", "third()");
    return s;
  }();
  return s;
}

std::vector<Case> start_orders() {
  std::vector<Case> cases;
  std::vector<int> order{0, 1, 2};
  do {
    cases.push_back({"nums = [" + std::to_string(order[0] + 1) + "," +
                         std::to_string(order[1] + 1) + "," + std::to_string(order[2] + 1) + "]",
                     3, order});
  } while (std::next_permutation(order.begin(), order.end()));
  return cases;
}

std::string method_name(int actor) {
  static const char* const names[] = {"first()", "second()", "third()"};
  return names[actor];
}

}  // namespace cj::print_in_order
