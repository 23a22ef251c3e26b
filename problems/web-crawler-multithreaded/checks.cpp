// The compiled-once part of the Web Crawler Multithreaded driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <set>

namespace cj::web_crawler {

namespace {

template <typename Range>
std::string first_few(const Range& urls, std::size_t most = 5) {
  std::string s;
  std::size_t n = 0;
  for (const auto& u : urls) {
    if (n == most) break;
    s += (n++ ? ", " : "") + std::string("\"") + u + "\"";
  }
  if (urls.size() > most) s += " and " + std::to_string(urls.size() - most) + " more";
  return s;
}

constexpr double kWide = 20;
constexpr double kFewest = 1.25;

Check check_answer(const Crawl& c) {
  std::set<std::string> got;
  for (const auto& u : c.answer)
    if (!got.insert(u).second)
      return Failure{"wrong_answer", "the answer lists \"" + u + "\" more than once", "", "", ""};
  std::vector<std::string> missing, extra;
  std::set_difference(c.expected.begin(), c.expected.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), c.expected.begin(), c.expected.end(),
                      std::back_inserter(extra));
  if (missing.empty() && extra.empty()) return std::nullopt;
  Failure f;
  const std::string host = hostname(c.start);
  if (!extra.empty()) {
    const std::string& e = extra.front();
    f.reason = "the answer includes " + std::to_string(extra.size()) + " URL" +
               (extra.size() == 1 ? "" : "s") + " it must not, such as \"" + e + "\": ";
    if (!c.page_of.count(e))
      f.reason += "no page links to it";
    else if (hostname(e) != host)
      f.reason += "its hostname is \"" + hostname(e) + "\", not \"" + host +
                  "\" (the hostname is everything between \"http://\" and the next '/')";
    else
      f.reason += "it is on " + host + " but linked only from pages on other hosts";
  } else {
    f.reason = "the answer misses " + std::to_string(missing.size()) + " of the " +
               std::to_string(c.expected.size()) + " URLs reachable on " + host + ", such as \"" +
               missing.front() + "\"";
  }
  f.expected = std::to_string(c.expected.size()) + " URLs: " + first_few(c.expected);
  f.got = std::to_string(c.answer.size()) + " URLs";
  if (!missing.empty()) f.got += "; missing " + first_few(missing);
  if (!extra.empty()) f.got += "; extra " + first_few(extra);
  return f;
}

Check check_fetches(const Crawl& c) {
  const std::string host = hostname(c.start);
  for (std::size_t p = 0; p < c.urls.size(); ++p) {
    const int n = c.calls[p].load(std::memory_order_relaxed);
    if (n > 1)
      return Failure{"wrong_answer",
                     "getUrls(\"" + c.urls[p] + "\") was called " + std::to_string(n) +
                         " times; crawl each URL once. Threads that check \"already "
                         "visited?\" and then mark the URL in two separate steps (check-then-"
                         "act) can both see it unvisited: test and mark it in one step under "
                         "one lock, e.g. with the result of set::insert",
                     "", "", ""};
    if (n > 0 && hostname(c.urls[p]) != host)
      return Failure{"wrong_answer",
                     "getUrls(\"" + c.urls[p] + "\") was called, but its hostname is \"" +
                         hostname(c.urls[p]) + "\": crawl only pages on \"" + host + "\"",
                     "", "", ""};
  }
  if (const int n = c.unknown_calls.load(std::memory_order_relaxed))
    return Failure{
        "wrong_answer",
        "getUrls was called " + std::to_string(n) + " times with a URL that no page links to", "",
        "", ""};
  return std::nullopt;
}

/// Not concurrent: never two fetches at once on a web with branching; or, on a web at least
/// kWide times as large as its longest chain of fetches (where a parallel crawl is many times
/// faster than the longest chain allows a sequential one to be), fewer than kFewest fetches
/// running on average. Fetch time is measured, not assumed, so that a loaded machine slows
/// both sides of the comparison; smaller webs are left to the first check, because there the
/// crawler's own scheduling delays on a loaded machine weigh as much as the fetches. In explore
/// both are measured on virtual time, and only in a schedule whose time kept pace (no sleep
/// ended early), where a fetch's sleep ends only once no other thread can run: the fetches in
/// flight at once are then every fetch the crawler was able to start. Under ThreadSanitizer
/// starting a thread costs milliseconds, so neither check is made there.
Check check_concurrency(const Crawl& c) {
#if defined(__SANITIZE_THREAD__)
  return std::nullopt;
#endif
  if (!c.branching) return std::nullopt;
  // Explore runs one thread at a time on virtual time: a fetch's sleep ends only when no other
  // thread can run, so every fetch the crawler could start meanwhile is in flight beside it. A
  // schedule whose sleeps ended early (the strategy's choice) proves nothing about overlap.
  if (c.on_virtual_time && !c.exact_time) return std::nullopt;
  const double wall_ms = c.elapsed_ns / 1e6;
  const double fetching_ms = c.busy_ns.load(std::memory_order_relaxed) / 1e6;
  const double pages = static_cast<double>(c.expected.size());
  const double latency_ms = fetching_ms / pages;  // measured: includes late wakeups
  // On virtual time the figures are the model's: say so, and count fetches in flight (each
  // one's sleep had started and not ended), not threads running side by side.
  const char* on_time = c.on_virtual_time
                            ? "measured in virtual time (explore runs one thread at a time, and a "
                              "fetch's sleep ends only once no other thread can run), "
                            : "";
  char took[400];
  std::snprintf(took, sizeof took,
                "%sthe crawl of %zu pages took %.0f ms, with fetches of %.1f ms on average",
                on_time, c.expected.size(), wall_ms, latency_ms);
  if (c.max_in_flight.load(std::memory_order_relaxed) < 2)
    return Failure{"not_concurrent",
                   std::string(took) +
                       ", and never had two getUrls calls in flight at once: fetch pages from "
                       "several threads in parallel",
                   "", "", ""};
  const double in_flight = fetching_ms / wall_ms;
  if (pages >= kWide * c.depth && in_flight < kFewest) {
    char why[300];
    std::snprintf(why, sizeof why,
                  " (%.2f fetches in flight at once on average), while its longest chain of "
                  "links needs only %d fetches one after another (%.0f ms): too few fetches "
                  "run in parallel",
                  in_flight, c.depth, c.depth * latency_ms);
    return Failure{"not_concurrent", std::string(took) + why, "", "", ""};
  }
  return std::nullopt;
}

}  // namespace

std::string hostname(const std::string& url) {
  const std::size_t from = url.rfind("http://", 0) == 0 ? 7 : 0;
  const std::size_t slash = url.find('/', from);
  return url.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
}

Check check_crawl(const Crawl& c) {
  if (Check f = check_answer(c)) return f;
  if (Check f = check_fetches(c)) return f;
  return check_concurrency(c);
}

}  // namespace cj::web_crawler
