// The compiled-once part of the Readers and Writers driver (checks.hpp).
#include "checks.hpp"

#include <tuple>

namespace cj::readers_writers {

const NamedCases& library_cases() {
  static const NamedCases t = [] {
    NamedCases t;
    for (auto [r, w, calls] : {std::tuple{2, 0, 1},
                               {3, 0, 1},
                               {2, 1, 1},
                               {1, 1, 4},
                               {3, 2, 3},
                               {4, 0, 1},
                               {4, 1, 4},
                               {2, 2, 4},
                               {0, 3, 3},
                               {5, 2, 2}})
      t.add({{"readers", r}, {"writers", w}, {"calls", calls}}, r + w);
    return t;
  }();
  return t;
}

std::string stuck_text(int reading, int writing, int readers, int calls,
                       const std::vector<int>& done) {
  std::string s = std::to_string(reading) + " readers were reading and " + std::to_string(writing) +
                  " writers writing";
  for (int a = 0; a < static_cast<int>(done.size()); ++a)
    s += "; " + (a < readers ? reader_name(a) : writer_name(a - readers)) + " had done " +
         std::to_string(done[a]) + " of " + std::to_string(calls) +
         (a < readers ? " reads" : " writes");
  return s;
}

}  // namespace cj::readers_writers
