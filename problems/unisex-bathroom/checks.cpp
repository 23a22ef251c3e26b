// The compiled-once part of the unisex bathroom driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "cj/gathering.hpp"

namespace cj::unisex_bathroom {

namespace {

bool is_woman(const Queue& queue, int actor) { return queue.people[actor] == 'W'; }
std::string who(const Queue& queue, int actor) {
  return (is_woman(queue, actor) ? "woman " : "man ") + std::to_string(actor);
}
std::string pronoun(const Queue& queue, int actor) {
  return is_woman(queue, actor) ? "her" : "him";
}
std::string list(const Queue& queue, const std::vector<int>& actors) {
  return listed(actors, [&queue](int a) { return who(queue, a); });
}
Check fail(std::string reason) { return Failure{"wrong_answer", std::move(reason), "", "", ""}; }

}  // namespace

std::string Queue::input() const {
  return "capacity = " + std::to_string(capacity) + ", people = \"" + people + "\"" +
         (stream ? " (the third arrives while the second waits)" : "");
}

std::vector<Queue> queues() {
  std::vector<Queue> q = {{1, "WM"},       {3, "WWWM"},      {3, "MMMMW"},    {2, "WMWM"},
                          {3, "WWWWWW"},   {2, "MMMWWW"},    {3, "WMMMMWWW"}, {1, "WWMMWM"},
                          {3, "MWMWMWMW"}, {4, "WWWWWMMMMM"}};
  std::uint64_t state = 0xba7;  // a fixed LCG: the same cases on every machine and library
  auto next = [&state](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % bound);
  };
  for (int n : {6, 8, 10, 12}) {
    std::string s;
    for (int i = 0; i < n; ++i) s += next(2) ? 'W' : 'M';
    q.push_back({1 + next(3), s, false});
  }
  for (const char* stream : {"MWM", "WMW", "MWMM", "WMWW"}) q.push_back({3, stream, true});
  return q;
}

Check check_log(const Queue& queue, const EventLog& log, bool second_was_waiting) {
  const int people = static_cast<int>(queue.people.size());
  if (log.overflowed()) return fail("useBathroom() was called far more often than once each");
  std::vector<int> visits(people, 0);
  std::vector<int> inside;      // who is inside now, in the order they went in
  bool second_entered = false;  // person 1 went in (stream cases)
  for (std::size_t i = 0; i < log.size(); ++i) {
    const Event e = log[i];
    if (e.what == kLeave) {
      inside.erase(std::find(inside.begin(), inside.end(), e.actor));
      continue;
    }
    if (visits[e.actor]++)
      return fail(who(queue, e.actor) + " used the bathroom twice: everyone goes in once");
    std::vector<int> other;
    for (int a : inside)
      if (is_woman(queue, a) != is_woman(queue, e.actor)) other.push_back(a);
    if (!other.empty())
      return fail(who(queue, e.actor) + " went in while " + list(queue, other) +
                  (other.size() == 1 ? " was" : " were") +
                  " inside: women and men never use the bathroom at the same time");
    if (static_cast<int>(inside.size()) == queue.capacity)
      return fail(who(queue, e.actor) + " went in while " + list(queue, inside) +
                  " already filled its " + std::to_string(queue.capacity) +
                  (queue.capacity == 1 ? " place" : " places") + ": at most " +
                  std::to_string(queue.capacity) + " inside at once");
    inside.push_back(e.actor);
    if (e.actor == 1) second_entered = true;
    if (e.actor >= 2 && second_was_waiting && !second_entered)
      return fail(who(queue, e.actor) + " came along while " + who(queue, 1) +
                  " was waiting and went in " + "before " + pronoun(queue, 1) +
                  ": once someone waits, people of the other sex who " + "come after " +
                  pronoun(queue, 1) + " wait for " + pronoun(queue, 1) + " to go in first");
  }
  for (int a = 0; a < people; ++a)
    if (!visits[a]) return fail(who(queue, a) + " never used the bathroom: everyone goes in once");
  return std::nullopt;
}

std::string stuck_text(const Queue& queue, const EventLog& log) {
  const int in = log.count(kEnter), out = log.count(kLeave);
  return std::to_string(in) + " of " + std::to_string(queue.people.size()) +
         " people had gone in and " + std::to_string(in - out) + " were inside";
}

}  // namespace cj::unisex_bathroom
