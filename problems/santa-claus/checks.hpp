// Santa Claus, the part of the driver that does not need the learner's class: the seasons, the
// actors' roles, and the replay of the event log against the rules. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/problem.hpp"

namespace cj::santa_claus {

enum What { kReindeerBack, kPrepareSleigh, kGetHitched, kElfAsks, kHelpElves, kGetHelp };
constexpr int kSanta = 0;     // actor 0 is Santa
constexpr int kReindeer = 9;  // actors 1..9 are the reindeer, then the elves
constexpr int kGroup = 3;     // elves per visit

struct Season {
  int christmases;
  int elves;  // a multiple of three
  std::string input() const {
    return "christmases = " + std::to_string(christmases) + ", elves = " + std::to_string(elves);
  }
};

inline std::vector<Season> seasons() {
  return {{1, 0}, {1, 3}, {1, 6}, {2, 3}, {2, 6}, {1, 9}, {3, 3}, {2, 9}};
}

inline bool is_reindeer(int actor) { return actor >= 1 && actor <= kReindeer; }
inline std::string reindeer_name(int actor) { return "reindeer " + std::to_string(actor); }
inline std::string elf_name(int actor) { return "elf " + std::to_string(actor - kReindeer); }

/// Replays the log (see driver.hpp); `all_waiting`: in the precedence case, all nine reindeer and
/// three elves waited inside their calls when Santa first looked.
Check check_log(const Season& season, const EventLog& log, bool all_waiting);

/// For a stall: how many of each callback had happened.
std::string stuck_text(const Season& season, const EventLog& log);

}  // namespace cj::santa_claus
