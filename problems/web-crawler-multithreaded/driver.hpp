// 1242 Web Crawler Multithreaded: one call of crawl(startUrl, htmlParser) per trial, on generated
// webs whose pages take a few milliseconds to fetch (before.hpp). Besides the answer, the checker
// reads what the parser counted: a page fetched twice, pages fetched one at a time, or a crawl
// much slower than the longest chain of links needs.
// This file holds what needs the learner's class or before.hpp's Web (the webs, the cases and the
// trial that calls crawl()); the hostname rule and the check of a crawl are compiled once
// (checks.hpp).
#include <algorithm>

#include "checks.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"

namespace cj::web_crawler {

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

inline const std::string kHost = "news.example.org";
inline const std::string kStart = "http://news.example.org/";
/// Hosts a careless hostname test confuses with kHost.
inline const std::vector<std::string> kLookalikes = {"news.example.org.evil", "news.example.org.cn",
                                                     "a.news.example.org",    "news.example.orgs",
                                                     "example.org",           "news.example.com"};

inline std::string on(const std::string& host, const std::string& path) {
  return "http://" + host + "/" + path;
}

/// Links `from` to a page on each look-alike host; each of those links back into kHost,
/// including to `hidden`, a page of kHost that nothing on kHost links to (it must stay out).
inline void add_lookalikes(WebBuilder& b, int from, const std::string& hidden) {
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
  const int theirs = b.page(on("news.example.com", "share//http://" + kHost + "/"));
  b.link(from, mine);
  b.link(from, theirs);
  b.link(mine, theirs);
  b.link(theirs, mine);
  b.link(theirs, b.page(hidden));
}

struct CrawlCase {
  std::string name;
  std::shared_ptr<const Web> web;
  std::string start;
  // Derived from the web:
  std::vector<std::string> expected;  // sorted
  int depth = 0;                      // fetches on the longest shortest chain from start
  bool branching = false;             // some BFS level has two or more pages

  std::string input() const {
    return "web \"" + name + "\": " + std::to_string(web->urls.size()) + " URLs, " +
           std::to_string(expected.size()) + " reachable on " + hostname(start) +
           ", startUrl = \"" + start + "\"";
  }
};

inline CrawlCase analyse(std::string name, std::shared_ptr<const Web> web, std::string start) {
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
inline CrawlCase small_site(int sections) {
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
inline CrawlCase wide(int n) {
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
inline CrawlCase tree(int depth) {
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
inline CrawlCase chains(int chains, int length) {
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
inline CrawlCase shared_links(int hubs, int shared) {
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
inline CrawlCase lookalike_hosts(int n) {
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
inline CrawlCase lonely_page() {
  WebBuilder b(3000);
  const int start = b.page(kStart);
  b.link(start, start);
  add_lookalikes(b, start, on(kHost, "hidden/alone"));
  return analyse("lonely page", b.done(), kStart);
}

/// `n` pages with random links, one in eight on another host.
inline CrawlCase random_web(int n) {
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

/// The webs of a run. Under ThreadSanitizer starting a thread costs milliseconds (tens with many
/// threads alive), so that run, whose job is finding data races, crawls a few small webs.
inline std::vector<CrawlCase> make_crawl_cases() {
#if defined(__SANITIZE_THREAD__)
  return {small_site(3), shared_links(4, 6), lookalike_hosts(4), chains(3, 4)};
#else
  return {small_site(12),       wide(150),           tree(4),       chains(6, 25),
          shared_links(40, 60), lookalike_hosts(20), lonely_page(), random_web(260)};
#endif
}

class CrawlTrial final : public Trial {
 public:
  explicit CrawlTrial(const CrawlCase& c) : c_(c), log_(c.web->urls.size()) {}

  void run(int) override {
    const std::int64_t start = steady_ns();
    answer_ = ::Solution().crawl(c_.start, ::HtmlParser(c_.web.get(), &log_));
    elapsed_ns_ = static_cast<double>(steady_ns() - start);
    // Explore, where no sleep or timed wait ended early and time never jumped for spinners: every
    // fetch took exactly its latency of virtual time, and time moved on only when no thread could
    // run, so the fetches in flight at once and the crawl's duration are exact.
    on_virtual_time_ = time_is_virtual();
    exact_time_ = on_virtual_time_ && time_kept_pace();
  }

  Check check() override {
    const Web& w = *c_.web;
    return check_crawl({.start = c_.start,
                        .expected = c_.expected,
                        .depth = c_.depth,
                        .branching = c_.branching,
                        .urls = w.urls,
                        .page_of = w.page_of,
                        .calls = log_.calls.get(),
                        .unknown_calls = log_.unknown_calls,
                        .max_in_flight = log_.max_in_flight,
                        .busy_ns = log_.busy_ns,
                        .answer = answer_,
                        .elapsed_ns = elapsed_ns_,
                        .on_virtual_time = on_virtual_time_,
                        .exact_time = exact_time_});
  }

 private:
  const CrawlCase& c_;
  ParserLog log_;
  std::vector<std::string> answer_;
  double elapsed_ns_ = 0;         // on the solution's clock: virtual in explore
  bool on_virtual_time_ = false;  // explore: crawl() ran on a controlled thread
  bool exact_time_ = false;       // and virtual time kept pace (time_kept_pace())
};

class WebCrawlerMultithreaded final : public Problem {
 public:
  WebCrawlerMultithreaded() : cases_(make_crawl_cases()) {
    // ThreadSanitizer starts a background thread at the first pthread_create. Start (and join) a
    // thread now, before the runner counts this process's threads, so that the sanitizer's own
    // thread is not taken for one the crawler leaked.
    std::thread([] {}).join();
  }
  std::string slug() const override { return "web-crawler-multithreaded"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : cases_) out.push_back({c.input(), 1, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& k : cases_)
      if (k.input() == c.input) return std::make_unique<CrawlTrial>(k);
    return std::make_unique<CrawlTrial>(cases_.front());
  }
  std::string actor_name(const Case&, int) const override { return "crawl()"; }
  bool solution_starts_threads() const override { return true; }

 private:
  std::vector<CrawlCase> cases_;
};

CJ_PROBLEM(WebCrawlerMultithreaded);

}  // namespace cj::web_crawler
