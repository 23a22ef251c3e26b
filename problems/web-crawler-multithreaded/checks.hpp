// 1242 Web Crawler Multithreaded, the part of the driver that does not need the learner's class:
// LeetCode's hostname rule and the check of one crawl (the answer, the parser's counts, whether
// the fetches ran in parallel), and the generated webs with their cases. Compiled once
// (checks.cpp), not with every submission.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cj/problem.hpp"
#include "web.hpp"

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

/// One web to crawl, with what a correct crawl of it finds.
struct CrawlCase {
  std::string name;
  std::shared_ptr<const Web> web;
  std::string start;
  // Derived from the web:
  std::vector<std::string> expected;  // sorted
  int depth = 0;                      // fetches on the longest shortest chain from start
  bool branching = false;             // some BFS level has two or more pages

  std::string input() const;
};

/// The webs of a run. Under ThreadSanitizer starting a thread costs milliseconds (tens with many
/// threads alive), so that run, whose job is finding data races, crawls a few small webs.
std::vector<CrawlCase> make_crawl_cases();

}  // namespace cj::web_crawler
