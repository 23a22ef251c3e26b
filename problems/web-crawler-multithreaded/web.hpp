// 1242 Web Crawler Multithreaded: the web of one trial and what the parser counted, shared by
// LeetCode's HtmlParser (before.hpp, seen by the submission) and the compiled-once checks
// (checks.hpp). Every counter is a relaxed atomic: see before.hpp.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
