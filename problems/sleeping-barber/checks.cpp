// The compiled-once part of the Sleeping Barber driver (checks.hpp).
#include "checks.hpp"

#include <utility>

namespace cj::sleeping_barber {

const NamedCases& shop_cases() {
  static const NamedCases t = [] {
    NamedCases t;
    for (auto [chairs, customers] :
         {std::pair{1, 1}, {1, 3}, {2, 5}, {3, 3}, {1, 6}, {2, 8}, {4, 6}, {3, 7}})
      t.add({{"chairs", chairs}, {"customers", customers}}, customers + 2);
    return t;
  }();
  return t;
}

std::string stuck_text(const std::vector<int>& states, int cuts, int gone, bool barber_stuck) {
  const int customers = static_cast<int>(states.size()) - 1;
  std::string waiting, cut;
  int n_waiting = 0;
  for (int id = 1; id <= customers; ++id) {
    const int s = states[id];
    if (s == kInShop) waiting += (n_waiting++ ? ", " : "") + std::to_string(id);
    if (s == kInChair) cut = customer_name(id) + " was in the barber's chair; ";
  }
  return cut + std::to_string(cuts) + " haircuts had been given, " + std::to_string(gone) + " of " +
         std::to_string(customers) + " customers had left" +
         (n_waiting == 1  ? ", customer " + waiting + " was inside customer() without a haircut"
          : n_waiting > 1 ? ", customers " + waiting + " were inside customer() without a haircut"
                          : "") +
         (barber_stuck ? ", and barber() had not returned after close()" : "");
}

}  // namespace cj::sleeping_barber
