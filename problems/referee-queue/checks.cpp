// The compiled-once part of the Referee Queue driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <map>

namespace cj::referee_queue {

namespace {

std::string name(const RefereeCase &c, int actor) {
  return c.is_referee(actor) ? "referee " + std::to_string(actor)
                             : "desk " + std::to_string(actor - c.referees + 1);
}

std::string span(const Operation &op) {
  return "[" + std::to_string(op.call) + ", " + std::to_string(op.ret) + "]";
}

Check check_close(const std::vector<Operation> &ops) {
  const Operation *close = nullptr;
  for (const auto &op : ops)
    if (op.method == kClose) close = &op;
  for (const auto &op : ops)
    if (op.method == kReferee && close && op.ret < close->call)
      return Failure{"wrong_answer",
                     "referee() of referee " + std::to_string(op.arg) + " returned " + span(op) +
                         " before close() was called " + span(*close) +
                         ": a referee with an empty line waits for the next user, and "
                         "goes "
                         "home only once close() was called and the line is empty",
                     "", "", ""};
  return std::nullopt;
}

Check check_each_once(const std::vector<Operation> &ops) {
  std::map<int, int> times;
  for (const auto &op : ops)
    if (op.method == kArrive) times[static_cast<int>(op.arg)];
  for (const auto &op : ops) {
    if (op.method != kOfficiate) continue;
    auto it = times.find(static_cast<int>(op.arg));
    if (it == times.end())
      return Failure{"wrong_answer",
                     "referee " + std::to_string(op.result) + " officiated user " +
                         std::to_string(op.arg) + ", who never arrived",
                     "", "", ""};
    if (++it->second == 2)
      return Failure{"wrong_answer",
                     "user " + std::to_string(op.arg) +
                         " was officiated twice: every user gets exactly one match",
                     "", "", ""};
  }
  for (const auto &[user, n] : times)
    if (n == 0)
      return Failure{"wrong_answer",
                     "user " + std::to_string(user) +
                         " arrived but was never officiated, although close() came after "
                         "and every referee's referee() returned",
                     "", "", ""};
  return std::nullopt;
}

Check check_one_match_each(const std::vector<Operation> &ops) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].method != kOfficiate) continue;
    for (std::size_t j = i + 1; j < ops.size() && ops[j].call < ops[i].ret; ++j)
      if (ops[j].method == kOfficiate && ops[j].result == ops[i].result)
        return Failure{"wrong_answer",
                       "referee " + std::to_string(ops[i].result) + " officiated users " +
                           std::to_string(ops[i].arg) + " " + span(ops[i]) + " and " +
                           std::to_string(ops[j].arg) + " " + span(ops[j]) +
                           " at the same time: a referee has one match at a time",
                       "", "", ""};
  }
  return std::nullopt;
}

/// u arrived (its arrive() returned) before v's arrive() began, yet v's match
/// began first. In a first-come-first-served line u was taken before v, by a
/// referee r that then officiated nothing else before u: so r's previous match
/// must have ended before v's began.
Check check_arrival_order(const std::vector<Operation> &ops) {
  std::map<int, const Operation *> arrival, match;
  std::map<long long, std::vector<const Operation *>> by_referee;  // in order of start
  for (const auto &op : ops) {
    if (op.method == kArrive) arrival[static_cast<int>(op.arg)] = &op;
    if (op.method == kOfficiate) {
      match[static_cast<int>(op.arg)] = &op;
      by_referee[op.result].push_back(&op);
    }
  }
  for (const auto &[u, mu] : match) {
    const auto &mine = by_referee[mu->result];
    const auto at = std::find(mine.begin(), mine.end(), mu);
    const Operation *previous = at == mine.begin() ? nullptr : *(at - 1);
    for (const auto &[v, mv] : match) {
      if (mv->call >= mu->call || arrival.at(u)->ret >= arrival.at(v)->call) continue;
      if (!previous || previous->ret < mv->call) continue;
      return Failure{"wrong_answer",
                     "user " + std::to_string(u) + " arrived " + span(*arrival.at(u)) +
                         " before user " + std::to_string(v) + " " + span(*arrival.at(v)) +
                         ", yet user " + std::to_string(v) + "'s match began first " + span(*mv) +
                         ", while user " + std::to_string(u) + " still waited (its match " +
                         span(*mu) + " by referee " + std::to_string(mu->result) +
                         (previous ? ", who was busy until " + std::to_string(previous->ret) : "") +
                         "): serve waiting users in the order they arrived",
                     "first come, first served", "", ""};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string RefereeCase::input() const {
  std::string s = std::to_string(referees) + " referee" + (referees == 1 ? "" : "s") + ", ";
  for (std::size_t d = 0; d < desks.size(); ++d) {
    s += (d ? "; desk " : "desk ") + std::to_string(d + 1) + ":";
    for (const Step &st : desks[d]) {
      s += " " + std::to_string(st.users) + " users";
      if (st.idle)
        s += ", idle";
      else if (st.pause_us)
        s += ", pause " + std::to_string(st.pause_us) + " us";
      s += ";";
    }
    s.pop_back();
  }
  return s + "; matches of " + std::to_string(match_us) + "-" + std::to_string(3 * match_us) +
         " us";
}

const std::vector<RefereeCase> &referee_cases() {
  static const std::vector<RefereeCase> cases = {
      {1, {{{4, 0, true}, {3, 0, false}}}, 200},
      {2, {{{5, 300, false}, {1, 0, true}, {4, 0, false}}}, 200},
      {3, {{{6, 0, true}, {5, 0, false}}}, 150},
      {2, {{{3, 200, false}, {3, 0, false}}, {{2, 100, false}, {3, 0, false}}}, 150},
      {3, {{{4, 0, false}}, {{4, 0, false}}}, 200},
      {1, {{{2, 500, false}, {2, 0, false}}, {{3, 0, false}}}, 100},
  };
  return cases;
}

Check check_trial(int foreign, const HistoryRecorder &history,
                  const std::vector<IdleWindow> &idle) {
  if (int n = foreign)
    return Failure{"wrong_answer",
                   "officiate was called " + std::to_string(n) +
                       " times on a thread that is not a referee's: each "
                       "referee officiates "
                       "its matches itself, inside its own referee() call",
                   "", "", ""};
  const std::vector<Operation> ops = history.operations();
  if (Check f = check_close(ops)) return f;
  if (Check f = check_each_once(ops)) return f;
  if (Check f = check_one_match_each(ops)) return f;
  if (Check f = check_arrival_order(ops)) return f;
  for (const IdleWindow &w : idle)
    if (Check f = check_idle(w, "the idle referees", "with nothing to do",
                             "wait on a condition variable (or a semaphore) until a user "
                             "arrives or close() is called",
                             1.0 / 50, 1000000))
      return f;
  return std::nullopt;
}

std::string stuck_calls(const RefereeCase &c, int served, const HistoryRecorder &history) {
  std::string s =
      std::to_string(served) + " of " + std::to_string(c.users()) + " users had been officiated";
  for (int a = 0; a < c.actors(); ++a) {
    if (history.begun(a) == history.returned(a)) continue;
    s += ", " + name(c, a) + " was still in " +
         (c.is_referee(a) ? "referee()" : "arrive() or close()");
  }
  return s;
}

}  // namespace cj::referee_queue
