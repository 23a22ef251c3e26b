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
#include "web.hpp"

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
