// The compiled-once part of the Web Crawler Multithreaded driver (checks.hpp).
#include "checks.hpp"

#include <algorithm>
#include <array>
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

namespace {

/// A tiny deterministic generator (the same webs on every platform).
struct WebRandom {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

/// Builds a Web page by page; page(url) adds the page on first mention.
class WebBuilder {
 public:
  explicit WebBuilder(int latency_us) { web_->latency = std::chrono::microseconds(latency_us); }
  int page(const std::string& url) {
    auto [it, fresh] = web_->page_of.emplace(url, static_cast<int>(web_->urls.size()));
    if (fresh) {
      web_->urls.push_back(url);
      web_->links.emplace_back();
    }
    return it->second;
  }
  void link(int from, int to) { web_->links[from].push_back(to); }
  void link(const std::string& from, const std::string& to) { link(page(from), page(to)); }
  std::shared_ptr<const Web> done() { return std::move(web_); }

 private:
  std::shared_ptr<Web> web_ = std::make_shared<Web>();
};

// Constants, not std::strings: the cases are built while statics are initialised (the driver's
// problem object is one), and a std::string of this file might not be constructed yet then.
constexpr const char kHost[] = "news.example.org";
constexpr const char kStart[] = "http://news.example.org/";
/// Hosts a careless hostname test confuses with kHost.
constexpr std::array<const char*, 6> kLookalikes = {"news.example.org.evil", "news.example.org.cn",
                                                    "a.news.example.org",    "news.example.orgs",
                                                    "example.org",           "news.example.com"};

std::string on(const std::string& host, const std::string& path) {
  return "http://" + host + "/" + path;
}

/// Links `from` to a page on each look-alike host; each of those links back into kHost,
/// including to `hidden`, a page of kHost that nothing on kHost links to (it must stay out).
void add_lookalikes(WebBuilder& b, int from, const std::string& hidden) {
  for (std::size_t h = 0; h < kLookalikes.size(); ++h) {
    const int away = b.page(on(kLookalikes[h], "story/" + std::to_string(h)));
    b.link(from, away);
    b.link(away, b.page(kStart));
    b.link(away, b.page(hidden));
    b.link(away, away);
  }
  b.link(b.page(hidden), b.page(on(kHost, "hidden/also")));
  // Paths holding "//" and other hosts' names: the hostname ends at the first '/' after
  // "http://", so a greedy pattern (up to the last '/') misses the first page, and a test for
  // "contains the hostname" takes the second, which is on news.example.com.
  const int mine = b.page(on(kHost, "share//http://news.example.com/story"));
  const int theirs = b.page(on("news.example.com", "share//http://" + std::string(kHost) + "/"));
  b.link(from, mine);
  b.link(from, theirs);
  b.link(mine, theirs);
  b.link(theirs, mine);
  b.link(theirs, b.page(hidden));
}

CrawlCase analyse(std::string name, std::shared_ptr<const Web> web, std::string start) {
  CrawlCase c{std::move(name), std::move(web), std::move(start), {}, 0, false};
  const Web& w = *c.web;
  const std::string host = hostname(c.start);
  std::vector<int> level{w.page_of.at(c.start)};
  std::vector<bool> seen(w.urls.size(), false);
  seen[level[0]] = true;
  while (!level.empty()) {
    ++c.depth;
    if (level.size() >= 2) c.branching = true;
    std::vector<int> next;
    for (int p : level) {
      c.expected.push_back(w.urls[p]);
      for (int to : w.links[p])
        if (!seen[to] && hostname(w.urls[to]) == host) seen[to] = true, next.push_back(to);
    }
    level = std::move(next);
  }
  std::sort(c.expected.begin(), c.expected.end());
  return c;
}

/// A site of `sections` sections with two articles each: cycles, self-links, links back to the
/// start, and the bare host URL as a page.
CrawlCase small_site(int sections) {
  WebBuilder b(3000);
  const int start = b.page(kStart);
  for (int i = 0; i < sections; ++i) {
    const std::string section = "section/" + std::to_string(i);
    const int s = b.page(on(kHost, section));
    b.link(start, s);
    for (int j = 0; j < 2; ++j) {
      const int article = b.page(on(kHost, section + "/" + std::to_string(j)));
      b.link(s, article);
      b.link(article, s);
      b.link(article, start);
      b.link(article, article);
    }
    b.link(s, b.page(on(kHost, "section/" + std::to_string((i + 1) % sections))));
  }
  b.link(start, start);
  b.link(start, b.page("http://news.example.org"));  // the bare host is a page of it too
  add_lookalikes(b, start, on(kHost, "hidden/small"));
  return analyse("small site", b.done(), kStart);
}

/// One page linking to `n` others.
[[maybe_unused]] CrawlCase wide(int n) {  // not in the ThreadSanitizer run's set
  WebBuilder b(2000);
  const int start = b.page(kStart);
  add_lookalikes(b, start, on(kHost, "hidden/wide"));
  for (int i = 0; i < n; ++i) {
    const int p = b.page(on(kHost, "item/" + std::to_string(i)));
    b.link(start, p);
    b.link(p, start);
    if (i % 10 == 0) b.link(p, b.page(on(kLookalikes[i / 10 % kLookalikes.size()], "x")));
  }
  return analyse("wide fan-out", b.done(), kStart);
}

/// A tree of branching 3 and the given depth, with random cross links.
[[maybe_unused]] CrawlCase tree(int depth) {  // not in the ThreadSanitizer run's set
  WebBuilder b(2000);
  const int start = b.page(kStart);
  std::vector<int> level{start};
  WebRandom r{3};
  for (int d = 1; d <= depth; ++d) {
    std::vector<int> next;
    for (std::size_t i = 0; i < level.size(); ++i)
      for (int k = 0; k < 3; ++k) {
        const std::string path = "tree/" + std::to_string(d) + "/" + std::to_string(i * 3 + k);
        const int child = b.page(on(kHost, path));
        b.link(level[i], child);
        next.push_back(child);
      }
    for (int p : next) b.link(p, next[r.below(static_cast<int>(next.size()))]);
    for (int p : next)
      if (r.below(4) == 0) b.link(p, start);
    level = std::move(next);
  }
  add_lookalikes(b, level.back(), on(kHost, "hidden/tree"));
  return analyse("tree", b.done(), kStart);
}

/// `chains` chains of `length` pages: pages reachable only through long chains.
CrawlCase chains(int chains, int length) {
  WebBuilder b(2000);
  const int start = b.page(kStart);
  add_lookalikes(b, start, on(kHost, "hidden/chains"));
  for (int c = 0; c < chains; ++c) {
    int prev = start;
    for (int i = 0; i < length; ++i) {
      const int p = b.page(on(kHost, "chain/" + std::to_string(c) + "/" + std::to_string(i)));
      b.link(prev, p);
      if (i % 5 == 4) b.link(p, start);
      prev = p;
    }
    b.link(prev, b.page(on(kLookalikes[c % kLookalikes.size()], "end")));
  }
  return analyse("long chains", b.done(), kStart);
}

/// `hubs` pages that all link to the same `shared` pages, fetched at about the same moment.
CrawlCase shared_links(int hubs, int shared) {
  WebBuilder b(3000);
  const int start = b.page(kStart);
  std::vector<int> leaves;
  for (int i = 0; i < shared; ++i)
    leaves.push_back(b.page(on(kHost, "shared/" + std::to_string(i))));
  for (int h = 0; h < hubs; ++h) {
    const int hub = b.page(on(kHost, "hub/" + std::to_string(h)));
    b.link(start, hub);
    for (int s : leaves) b.link(hub, s);
  }
  for (int s : leaves) b.link(s, start);
  add_lookalikes(b, leaves.back(), on(kHost, "hidden/hubs"));
  return analyse("shared links", b.done(), kStart);
}

/// Mostly other hosts, a subdomain whose pages link back, and a start URL without a path.
CrawlCase lookalike_hosts(int n) {
  WebBuilder b(3000);
  const std::string start_url = "http://news.example.org";
  const int start = b.page(start_url);
  add_lookalikes(b, start, on(kHost, "hidden/hosts"));
  for (int i = 0; i < n; ++i) {
    const int mine = b.page(on(kHost, "a/" + std::to_string(i)));
    const int sub = b.page(on("a.news.example.org", "a/" + std::to_string(i)));
    b.link(start, mine);
    b.link(start, sub);
    b.link(mine, sub);
    b.link(sub, mine);
    b.link(mine, b.page(on(kHost, "a/" + std::to_string(i) + "/more")));
  }
  b.link(start, b.page(kStart));
  return analyse("look-alike hosts", b.done(), start_url);
}

/// Nothing to crawl but the start page.
[[maybe_unused]] CrawlCase lonely_page() {  // not in the ThreadSanitizer run's set
  WebBuilder b(3000);
  const int start = b.page(kStart);
  b.link(start, start);
  add_lookalikes(b, start, on(kHost, "hidden/alone"));
  return analyse("lonely page", b.done(), kStart);
}

/// `n` pages with random links, one in eight on another host.
[[maybe_unused]] CrawlCase random_web(int n) {  // not in the ThreadSanitizer run's set
  WebBuilder b(2000);
  WebRandom r{42};
  std::vector<int> pages{b.page(kStart)};
  for (int i = 1; i < n; ++i) {
    const bool away = r.below(8) == 0;
    const int k = static_cast<int>(kLookalikes.size());
    pages.push_back(b.page(on(away ? kLookalikes[r.below(k)] : kHost, "r/" + std::to_string(i))));
    b.link(pages[r.below(i)], pages.back());  // reachable through some earlier page
  }
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < 2; ++k) b.link(pages[i], pages[r.below(n)]);
  return analyse("random web", b.done(), kStart);
}

}  // namespace

std::vector<CrawlCase> make_crawl_cases() {
#if defined(__SANITIZE_THREAD__)
  return {small_site(3), shared_links(4, 6), lookalike_hosts(4), chains(3, 4)};
#else
  return {small_site(12),       wide(150),           tree(4),       chains(6, 25),
          shared_links(40, 60), lookalike_hosts(20), lonely_page(), random_web(260)};
#endif
}

std::string CrawlCase::input() const {
  return "web \"" + name + "\": " + std::to_string(web->urls.size()) + " URLs, " +
         std::to_string(expected.size()) + " reachable on " + hostname(start) + ", startUrl = \"" +
         start + "\"";
}

}  // namespace cj::web_crawler
