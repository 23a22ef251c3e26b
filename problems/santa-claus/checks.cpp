// The compiled-once part of the Santa Claus driver (checks.hpp).
#include "checks.hpp"

#include <utility>

namespace cj::santa_claus {

namespace {

std::string count_elves(std::size_t n) {
  return n == 0 ? "no elf" : n == 1 ? "one elf" : std::to_string(n) + " elves";
}
/// "elf 1, elf 4 and elf 2".
std::string list(const std::vector<int>& elves) {
  std::string s;
  for (std::size_t i = 0; i < elves.size(); ++i)
    s += (i == 0 ? "" : i + 1 == elves.size() ? " and " : ", ") + elf_name(elves[i]);
  return s;
}
Check fail(std::string reason) { return Failure{"wrong_answer", std::move(reason), "", "", ""}; }

}  // namespace

Check check_log(const Season& season, const EventLog& log, bool all_waiting) {
  if (log.overflowed()) return fail("the callbacks were called far more often than needed");
  int back = 0, sleighs = 0, hitched = kReindeer;  // hitched: to the sleigh prepared last
  std::vector<bool> on_sleigh(kReindeer + 1, false);
  int asked = 0, helped_elves = 0, visits = 0;
  std::vector<int> group;     // elves who called getHelp() in the group being helped
  bool santa_helped = false;  // helpElves() was called for that group
  bool santa_chose = false;   // Santa made his first callback
  for (std::size_t i = 0; i < log.size(); ++i) {
    const Event e = log[i];
    if (e.what == kHelpElves && !santa_chose && all_waiting)
      return fail(
          "all nine reindeer were back and waiting in reindeer(), and three elves were waiting "
          "in elf(), when Santa first looked, and he helped the elves first: when both wait, "
          "the reindeer come first and Santa prepares the sleigh");
    if (e.what == kHelpElves || e.what == kPrepareSleigh) santa_chose = true;
    switch (e.what) {
      case kReindeerBack:
        ++back;
        break;
      case kPrepareSleigh:
        if (hitched < kReindeer)
          return fail("Santa prepared the sleigh again while only " + std::to_string(hitched) +
                      " of the nine reindeer were hitched to the last one");
        if (back < kReindeer)
          return fail("Santa prepared the sleigh when only " + std::to_string(back) +
                      " of the nine reindeer were back: he wakes for all nine");
        if (++sleighs > season.christmases)
          return fail("Santa prepared the sleigh " + std::to_string(sleighs) + " times in " +
                      std::to_string(season.christmases) + " christmases");
        back -= kReindeer;
        hitched = 0;
        on_sleigh.assign(kReindeer + 1, false);
        break;
      case kGetHitched:
        if (hitched == kReindeer)
          return fail(reindeer_name(e.actor) +
                      " got hitched before Santa prepared the sleigh: prepareSleigh() comes "
                      "first");
        if (on_sleigh[e.actor])
          return fail(reindeer_name(e.actor) + " got hitched twice to one sleigh");
        on_sleigh[e.actor] = true;
        ++hitched;
        break;
      case kElfAsks:
        ++asked;
        break;
      case kHelpElves:
        if (santa_helped)
          return fail("Santa called helpElves() twice for the group of " + list(group) +
                      ": once per group of three");
        if (asked - helped_elves < kGroup)
          return fail("Santa helped elves when only " + count_elves(asked - helped_elves) +
                      " had asked: he wakes for three");
        santa_helped = true;
        break;
      case kGetHelp:
        if (static_cast<int>(group.size()) == kGroup)
          return fail(elf_name(e.actor) + " got help along with " + list(group) +
                      ": Santa helps exactly three elves at a time, a fourth waits for the "
                      "next group");
        group.push_back(e.actor);
        break;
    }
    if (static_cast<int>(group.size()) == kGroup && santa_helped) {
      group.clear();
      santa_helped = false;
      helped_elves += kGroup;
      ++visits;
    }
  }
  if (sleighs < season.christmases)
    return fail("Santa prepared the sleigh " + std::to_string(sleighs) + " times in " +
                std::to_string(season.christmases) + " christmases");
  if (hitched < kReindeer)
    return fail("only " + std::to_string(hitched) +
                " of the nine reindeer got hitched to the "
                "last sleigh");
  if (santa_helped)
    return fail("Santa called helpElves() but only " + count_elves(group.size()) +
                " of the group called getHelp()");
  if (!group.empty())
    return fail(list(group) + " got" + " help without Santa calling helpElves() for them");
  if (helped_elves < season.elves)
    return fail("Santa helped " + std::to_string(visits) + " groups of elves, but " +
                std::to_string(season.elves) + " elves asked");
  return std::nullopt;
}

std::string stuck_text(const Season& season, const EventLog& log) {
  return std::to_string(log.count(kPrepareSleigh)) + " of " + std::to_string(season.christmases) +
         " sleighs prepared, " + std::to_string(log.count(kGetHitched)) + " of " +
         std::to_string(kReindeer * season.christmases) + " hitchings, " +
         std::to_string(log.count(kHelpElves)) + " of " + std::to_string(season.elves / kGroup) +
         " helpElves() and " + std::to_string(log.count(kGetHelp)) + " of " +
         std::to_string(season.elves) + " getHelp() calls had happened";
}

}  // namespace cj::santa_claus
