// The compiled-once part of the River crossing driver (checks.hpp).
#include "checks.hpp"

#include <cstdint>
#include <utility>

#include "cj/gathering.hpp"

namespace cj::river_crossing {

namespace {

std::string who(const std::string& crowd, int actor) {
  return (crowd[actor] == 'H' ? "hacker " : "serf ") + std::to_string(actor);
}
std::string list(const std::string& crowd, const std::vector<int>& actors) {
  return listed(actors, [&crowd](int a) { return who(crowd, a); });
}
Check fail(std::string reason) { return Failure{"wrong_answer", std::move(reason), "", "", ""}; }

}  // namespace

const std::vector<std::string>& crowds() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> c = {"HHHH",     "SSSS",     "HSHS",         "HHSS",
                                  "SSHH",     "HHHSSSHS", "SHHHHHHS",     "HHHHSSSS",
                                  "SSSHHHSH", "HSSSSSSH", "HHHHHHSSSSSS", "SHSHSHSHSHSH"};
    std::uint64_t state = 0x5eed;  // a fixed LCG: the same cases on every machine and library
    auto next = [&state](std::uint64_t bound) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return (state >> 33) % bound;
    };
    for (int boats : {2, 3, 4, 5}) {
      for (int variant = 0; variant < 2; ++variant) {
        const int hackers = 2 * static_cast<int>(next(2 * boats + 1));
        std::string s(hackers, 'H');
        s += std::string(4 * boats - hackers, 'S');
        for (std::size_t i = s.size() - 1; i > 0; --i) std::swap(s[i], s[next(i + 1)]);
        c.push_back(s);
      }
    }
    return c;
  }();
  return all;
}

Check check_log(const std::string& crowd, const EventLog& log) {
  const int people = static_cast<int>(crowd.size());
  if (log.overflowed()) return fail("board() and rowBoat() were called more than twice per person");
  std::vector<int> boarded(people, 0);
  std::vector<int> aboard;  // the boat being loaded: who boarded since the last rowBoat()
  int rowed = 0;
  for (std::size_t i = 0; i < log.size(); ++i) {
    const Event e = log[i];
    if (e.what == kBoard) {
      if (boarded[e.actor]++)
        return fail(who(crowd, e.actor) + " boarded twice: everyone boards once");
      if (aboard.size() == 4) {
        return fail(who(crowd, e.actor) + " boarded while " + list(crowd, aboard) +
                    " were already aboard and the boat had not been rowed yet: it takes four, "
                    "and the next four board only after rowBoat()");
      }
      aboard.push_back(e.actor);
      if (aboard.size() == 4) {
        int hackers = 0;
        for (int a : aboard) hackers += crowd[a] == 'H';
        if (hackers == 1 || hackers == 3) {
          aboard.pop_back();
          return fail(list(crowd, aboard) + " were aboard when " + who(crowd, e.actor) +
                      " boarded the same boat: " +
                      (hackers == 3 ? "three hackers and one serf" : "three serfs and one hacker") +
                      " is a boat that ends in a fight; board four of a kind or two of each");
        }
      }
    } else {
      if (aboard.size() < 4) {
        if (aboard.empty() && rowed > 0)
          return fail(who(crowd, e.actor) +
                      " called rowBoat() for a boat that was already rowed: "
                      "exactly one of the four rows");
        return fail(who(crowd, e.actor) + " called rowBoat() when only " +
                    (aboard.empty() ? std::string("nobody") : list(crowd, aboard)) +
                    (aboard.size() == 1 ? " was" : " were") +
                    " aboard: the boat is rowed after all four boarded");
      }
      bool in_boat = false;
      for (int a : aboard) in_boat |= a == e.actor;
      if (!in_boat)
        return fail(who(crowd, e.actor) + " rowed the boat of " + list(crowd, aboard) +
                    " without being in it: one of the four rows");
      aboard.clear();
      ++rowed;
    }
  }
  for (int a = 0; a < people; ++a)
    if (!boarded[a]) return fail(who(crowd, a) + " never boarded: everyone crosses the river once");
  if (!aboard.empty())
    return fail("the last boat (" + list(crowd, aboard) +
                ") was never rowed: one of the four calls "
                "rowBoat()");
  return std::nullopt;
}

std::string stuck_text(const std::string& crowd, const EventLog& log) {
  return std::to_string(log.count(kBoard)) + " of " + std::to_string(crowd.size()) +
         " people had boarded and " + std::to_string(log.count(kRow)) + " of " +
         std::to_string(crowd.size() / 4) + " boats had been rowed";
}

}  // namespace cj::river_crossing
