// 1242 Web Crawler Multithreaded: LeetCode's HtmlParser, seen by the submission before its own
// code (after the prelude, so the standard library is available).
//
// A parser is a small handle that the solution may copy freely into its threads. It points at the
// web of one trial and at that trial's counters, both owned by the driver and alive for the whole
// crawl. It holds plain pointers, not shared_ptr: copying and dropping a shared_ptr in several
// threads orders those threads (atomic reference counts), which could hide the solution's data
// races from ThreadSanitizer. Every counter is a relaxed atomic for the same reason.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cj/problem.hpp"

namespace cj::web_crawler {

/// The pages of one test and their links. Immutable while a crawl runs.
struct Web {
  std::vector<std::string> urls;                 // page id -> URL
  std::unordered_map<std::string, int> page_of;  // URL -> page id
  std::vector<std::vector<int>> links;           // page id -> the pages it links to, in order
  std::chrono::microseconds latency{2000};       // how long one getUrls call takes
};

/// What the parser saw during one crawl.
struct ParserLog {
  explicit ParserLog(std::size_t pages) : calls(std::make_unique<std::atomic<int>[]>(pages)) {
    for (std::size_t i = 0; i < pages; ++i) calls[i].store(0, std::memory_order_relaxed);
  }
  std::unique_ptr<std::atomic<int>[]> calls;  // getUrls calls per page
  std::atomic<int> unknown_calls{0};          // calls for a URL that is on no page
  std::atomic<int> in_flight{0};              // calls running right now
  std::atomic<int> max_in_flight{0};          // the most calls ever running at once
  std::atomic<long long> busy_ns{0};          // time spent inside getUrls, summed over calls
};

}  // namespace cj::web_crawler

class HtmlParser {
 public:
  HtmlParser(const cj::web_crawler::Web* web, cj::web_crawler::ParserLog* log)
      : web_(web), log_(log) {}

  /// The URLs linked from `url`, after a short delay (a page download). Safe to call from any
  /// number of threads at once.
  vector<string> getUrls(string url) {
    const int now = log_->in_flight.fetch_add(1, std::memory_order_relaxed) + 1;
    int most = log_->max_in_flight.load(std::memory_order_relaxed);
    while (now > most &&
           !log_->max_in_flight.compare_exchange_weak(most, now, std::memory_order_relaxed)) {
    }
    cj::note_progress();
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(web_->latency);
    vector<string> out;
    auto page = web_->page_of.find(url);
    if (page == web_->page_of.end()) {
      log_->unknown_calls.fetch_add(1, std::memory_order_relaxed);
    } else {
      log_->calls[page->second].fetch_add(1, std::memory_order_relaxed);
      for (int to : web_->links[page->second]) out.push_back(web_->urls[to]);
    }
    const auto took = std::chrono::steady_clock::now() - start;
    log_->busy_ns.fetch_add(std::chrono::nanoseconds(took).count(), std::memory_order_relaxed);
    log_->in_flight.fetch_sub(1, std::memory_order_relaxed);
    cj::note_progress();
    return out;
  }

 private:
  const cj::web_crawler::Web* web_;
  cj::web_crawler::ParserLog* log_;
};
