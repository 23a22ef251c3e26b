// 1242 Web Crawler Multithreaded: one call of crawl(startUrl, htmlParser) per trial, on generated
// webs whose pages take a few milliseconds to fetch (before.hpp). Besides the answer, the checker
// reads what the parser counted: a page fetched twice, pages fetched one at a time, or a crawl
// much slower than the longest chain of links needs.
// This file holds the trial that calls the learner's crawl(); the webs, the cases, the hostname
// rule and the check of a crawl are compiled once (checks.hpp).

#include "checks.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"

namespace cj::web_crawler {

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
    return std::make_unique<CrawlTrial>(cases_.at(c.index));  // cases() order
  }
  std::string actor_name(const Case&, int) const override { return "crawl()"; }
  bool solution_starts_threads() const override { return true; }

 private:
  std::vector<CrawlCase> cases_;
};

CJ_PROBLEM(WebCrawlerMultithreaded);

}  // namespace cj::web_crawler
