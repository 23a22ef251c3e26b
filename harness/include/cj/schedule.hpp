// An explore schedule as data: which case, the execution's seed, the strategy that found it, and
// every choice the strategy made, in order. The explorer reports the failing execution's schedule
// (the `schedule` field of --json) and replays one with `--replay SCHEDULE`: the replay feeds the
// recorded choices back, so it reproduces the same execution, verdict and trace, whatever the
// strategy (a DFS search, whose state is gone, included).
//
// Text form (one line, no spaces): case=K;seed=S;by=STRATEGY;choices=C.C.C
// where each C is r<thread> (that thread runs), s<thread> (it wakes spuriously from a condition
// wait and runs), e<thread> (its sleep or timed wait ends early and it runs) or i<n> (the n-th of
// the equally legal outcomes, such as which waiter a signal wakes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cj {

struct ScheduleChoice {
  char kind = 'r';  // 'r' run, 's' spurious wakeup, 'e' early timeout, 'i' index
  int value = 0;
  bool operator==(const ScheduleChoice& o) const noexcept {
    return kind == o.kind && value == o.value;
  }
};

struct Schedule {
  int case_index = 0;
  std::uint64_t seed = 0;
  std::string by;  // the strategy that made the choices, as --strategy spells it ("pct@17")
  std::vector<ScheduleChoice> choices;
  bool operator==(const Schedule& o) const {
    return case_index == o.case_index && seed == o.seed && by == o.by && choices == o.choices;
  }
};

inline std::string format_schedule(const Schedule& s) {
  std::string out = "case=" + std::to_string(s.case_index) + ";seed=" + std::to_string(s.seed) +
                    ";by=" + s.by + ";choices=";
  for (std::size_t k = 0; k < s.choices.size(); ++k) {
    if (k) out += '.';
    out += s.choices[k].kind;
    out += std::to_string(s.choices[k].value);
  }
  return out;
}

namespace schedule_detail {
inline bool number(std::string_view text, std::uint64_t limit, std::uint64_t* out) {
  if (text.empty() || text.size() > 20) return false;
  std::uint64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
    const auto digit = static_cast<std::uint64_t>(ch - '0');
    if (v > (UINT64_MAX - digit) / 10) return false;  // it would overflow
    v = v * 10 + digit;
  }
  if (v > limit) return false;
  *out = v;
  return true;
}
}  // namespace schedule_detail

/// Reads the text form; returns "" and fills `out`, or says what is wrong.
inline std::string parse_schedule(std::string_view text, Schedule* out) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.remove_suffix(1);
  Schedule s;
  bool have_case = false, have_seed = false, have_by = false, have_choices = false;
  while (!text.empty()) {
    const std::size_t end = text.find(';');
    const std::string_view field = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const std::size_t eq = field.find('=');
    if (eq == std::string_view::npos)
      return "schedule field \"" + std::string(field) + "\" has no '='";
    const std::string_view key = field.substr(0, eq), value = field.substr(eq + 1);
    std::uint64_t v = 0;
    if (key == "case") {
      if (!schedule_detail::number(value, 1u << 30, &v)) return "bad case in the schedule";
      s.case_index = static_cast<int>(v);
      have_case = true;
    } else if (key == "seed") {
      if (!schedule_detail::number(value, UINT64_MAX, &v)) return "bad seed in the schedule";
      s.seed = v;
      have_seed = true;
    } else if (key == "by") {
      if (value.empty()) return "the schedule names no strategy (by=)";
      s.by = std::string(value);
      have_by = true;
    } else if (key == "choices") {
      have_choices = true;
      std::string_view rest = value;
      while (!rest.empty()) {
        const std::size_t dot = rest.find('.');
        const std::string_view c = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
        if (c.size() < 2 || (c[0] != 'r' && c[0] != 's' && c[0] != 'e' && c[0] != 'i') ||
            !schedule_detail::number(c.substr(1), 1u << 30, &v))
          return "bad choice \"" + std::string(c) +
                 "\" in the schedule (r, s, e or i and a number)";
        s.choices.push_back({c[0], static_cast<int>(v)});
      }
    } else {
      return "unknown schedule field \"" + std::string(key) + "\"";
    }
  }
  if (!have_case || !have_seed || !have_by || !have_choices)
    return "a schedule has case=, seed=, by= and choices= (as cj judge --json reports it)";
  *out = std::move(s);
  return "";
}

}  // namespace cj
