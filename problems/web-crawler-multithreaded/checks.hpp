// 1242 Web Crawler Multithreaded, the part of the driver that does not need the learner's class:
// LeetCode's hostname rule and the check of one crawl (the answer, the parser's counts, whether
// the fetches ran in parallel). Compiled once (checks.cpp), not with every submission. The webs
// and the cases stay in driver.hpp: they are built of before.hpp's Web, which needs the prelude.
#pragma once

#include <atomic>
#include <string>
#include <unordered_map>
#include <vector>

#include "cj/problem.hpp"

namespace cj::web_crawler {

/// LeetCode's rule: the hostname is what lies between "http://" and the next '/'.
std::string hostname(const std::string& url);

/// What check_crawl() reads of one crawl: the case and its web (before.hpp's Web and ParserLog,
/// field by field), what the parser counted, and what the trial measured.
struct Crawl {
  const std::string& start;
  const std::vector<std::string>& expected;  // sorted
  int depth;                                 // fetches on the longest shortest chain from start
  bool branching;                            // some BFS level has two or more pages
  const std::vector<std::string>& urls;      // page id -> URL
  const std::unordered_map<std::string, int>& page_of;  // URL -> page id
  const std::atomic<int>* calls;                        // getUrls calls per page
  const std::atomic<int>& unknown_calls;                // calls for a URL that is on no page
  const std::atomic<int>& max_in_flight;                // the most calls ever running at once
  const std::atomic<long long>& busy_ns;  // time spent inside getUrls, summed over calls
  const std::vector<std::string>& answer;
  double elapsed_ns;     // on the solution's clock: virtual in explore
  bool on_virtual_time;  // explore: crawl() ran on a controlled thread
  bool exact_time;       // and virtual time kept pace (time_kept_pace())
};

/// nullopt when the answer is exactly the pages reachable on the start's host, each was fetched
/// once and none elsewhere, and the fetches ran in parallel.
Check check_crawl(const Crawl& c);

}  // namespace cj::web_crawler
