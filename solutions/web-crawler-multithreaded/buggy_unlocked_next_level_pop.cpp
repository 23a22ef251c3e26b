// expect: data_race
// judge-mode: tsan
// bug: crawl() waits (under the lock) until some fetch thread pushed a link into `next`, then pops
// `next` without the lock while the other fetch threads go on pushing into it under the lock:
// the deque is read and changed by two threads at once with nothing ordering them.
// Where it comes from: a dispatcher that takes popping as its own business and so skips the
// lock, one of the crawler bug shapes issue 17 lists.
// Measured (this branch, 2 Dec 2026): data_race 10/10 in the default mode (its ThreadSanitizer
// step) and 3/3 in --mode tsan. Explore cannot see plain races yet (branch `atomics` adds a race
// detector): accepted 10/10 in --mode explore.
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        mutex m;
        condition_variable changed;
        unordered_set<string> seen{startUrl};
        deque<string> next{startUrl};
        int running = 0;
        vector<thread> threads;
        for (;;) {
            {
                unique_lock<mutex> lock(m);
                changed.wait(lock, [&] { return !next.empty() || running == 0; });
                if (next.empty()) break;  // and nothing running: done
            }
            while (!next.empty()) {  // BUG: pops without the lock while fetchers push
                string url = next.front();
                next.pop_front();
                {
                    lock_guard<mutex> lock(m);
                    ++running;
                }
                threads.emplace_back([&, url] {
                    vector<string> links = htmlParser.getUrls(url);
                    lock_guard<mutex> lock(m);
                    for (auto& link : links)
                        if (hostOf(link) == host && seen.insert(link).second) next.push_back(link);
                    --running;
                    changed.notify_all();
                });
            }
        }
        for (auto& t : threads) t.join();
        return vector<string>(seen.begin(), seen.end());
    }
};
