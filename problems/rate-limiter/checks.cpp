// The compiled-once part of the Rate Limiter driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <cstdio>

namespace cj::rate_limiter {

namespace {

std::string ms(std::int64_t ns, std::int64_t origin) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns - origin) / 1e6);
  return buf;
}

/// Grants whose whole call lies inside [from, to] certainly happened inside it; a correct bucket
/// grants at most burst + rate * (to - from) there.
Check check_windows(const LimitCase& c, std::vector<Call> all, std::int64_t origin) {
  std::vector<Call> grants;
  for (const Call& k : all)
    if (k.granted) grants.push_back(k);
  std::sort(grants.begin(), grants.end(),
            [](const Call& a, const Call& b) { return a.call_ns < b.call_ns; });
  for (std::size_t i = 0; i < grants.size(); ++i) {
    const std::int64_t from = grants[i].call_ns;
    std::vector<std::int64_t> ends;  // returns of the grants that began at or after `from`
    for (std::size_t j = i; j < grants.size(); ++j) ends.push_back(grants[j].ret_ns);
    std::sort(ends.begin(), ends.end());
    for (std::size_t n = 0; n < ends.size(); ++n) {
      const std::int64_t to = ends[n];
      const double allowed =
          c.burst + static_cast<double>(c.rate) * static_cast<double>(to - from) / 1e9;
      if (static_cast<double>(n + 1) > allowed + 1e-6) {
        char why[400];
        std::snprintf(why, sizeof why,
                      "%zu tokens were granted between %s and %s, a window of %.3f ms in which "
                      "a bucket of rate %d/s and burst %d grants at most %.2f",
                      n + 1, ms(from, origin).c_str(), ms(to, origin).c_str(),
                      static_cast<double>(to - from) / 1e6, c.rate, c.burst, allowed);
        return Failure{"wrong_answer", why,
                       "at most rate * t + burst grants in any window of length t",
                       std::to_string(n + 1) +
                           " grants (calls that began and returned inside "
                           "the window)",
                       ""};
      }
    }
  }
  return std::nullopt;
}

/// A tryAcquire() that returned false although no token had been taken, or asked for, during
/// the time the bucket needs to refill from empty to full (burst intervals, plus a margin):
/// the bucket held `burst` tokens, and the refusal lost a grant.
Check check_refusals(const LimitCase& c, const std::vector<Call>& all, std::int64_t origin) {
  const std::int64_t refill_ns = c.burst * c.interval_ns() * 105 / 100 + 50000;
  for (const Call& t : all) {
    if (!t.is_try || t.granted) continue;
    const std::int64_t from = t.call_ns - refill_ns;
    bool busy = false;
    for (const Call& k : all)
      if (&k != &t && (k.granted || !k.is_try) && k.call_ns <= t.ret_ns && k.ret_ns >= from)
        busy = true;
    if (busy) continue;
    char why[300];
    std::snprintf(why, sizeof why,
                  "tryAcquire() returned false at %s, although no token had been taken or "
                  "asked for in the %.3f ms before, in which the bucket refills completely: "
                  "a token was there and was refused",
                  ms(t.call_ns, origin).c_str(), static_cast<double>(refill_ns) / 1e6);
    return Failure{"wrong_answer", why, "true", "false", ""};
  }
  return std::nullopt;
}

}  // namespace

std::string LimitCase::input() const {
  return "rate = " + std::to_string(rate) + "/s, burst = " + std::to_string(burst) + "; " +
         std::to_string(acquirers) + " thread" + (acquirers == 1 ? "" : "s") +
         " calling acquire() " + std::to_string(acquires_each) + " times with a pause of " +
         std::to_string(pause_us) + " us halfway; " + std::to_string(triers) +
         " calling tryAcquire() " + std::to_string(tries_each) + " times, every " +
         std::to_string(try_gap_us) + " us";
}

const std::vector<LimitCase>& limit_cases() {
  static const std::vector<LimitCase> cases = {
      {1000, 1, 2, 6, 4000, 1, 8, 700}, {1000, 3, 3, 6, 5000, 1, 10, 600},
      {500, 2, 2, 4, 6000, 1, 8, 1000}, {2000, 4, 3, 8, 4000, 0, 0, 0},
      {1000, 2, 1, 6, 4000, 2, 8, 500}, {2000, 1, 4, 4, 3000, 1, 10, 400},
  };
  return cases;
}

Check check_calls(const LimitCase& c, const std::vector<std::vector<Call>>& calls,
                  const std::vector<IdleWindow>& waits) {
  std::vector<Call> all;
  for (const auto& v : calls) all.insert(all.end(), v.begin(), v.end());
  for (const Call& k : all)
    if (k.ret_ns < 0)
      return Failure{"wrong_answer", "a call never returned, although every thread finished", "",
                     "", ""};
  // The first call's start, for readable times.
  const std::int64_t origin =
      all.empty() ? 0 : std::min_element(all.begin(), all.end(), [](auto& a, auto& b) {
                          return a.call_ns < b.call_ns;
                        })->call_ns;
  if (Check f = check_windows(c, all, origin)) return f;
  if (Check f = check_refusals(c, all, origin)) return f;
  IdleWindow waiting;
  waiting.waits = 0;
  for (const IdleWindow& w : waits) {
    waiting.wall_ns += w.wall_ns;
    waiting.cpu_ns += w.cpu_ns;
    waiting.calls += w.calls;
    waiting.waits += w.waits;
  }
  return check_idle(waiting, "the threads waiting in acquire()", "of waiting for tokens",
                    "wait (sleep until the next token is due, or a timed condition-variable "
                    "wait) instead of trying again in a loop",
                    // Waiting callers also do the token arithmetic, and a loaded machine (the
                    // TSAN run beside this one) bills them milliseconds for it (11 ms in a 26 ms
                    // wait was seen): half the wait and 20 ms of CPU, or the polling calls,
                    // tell a spin apart.
                    1.0 / 2, 20000000);
}

}  // namespace cj::rate_limiter
