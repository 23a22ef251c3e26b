// expect: accepted
// primitive: std::thread pool + std::mutex + std::condition_variable, with a busy counter
//
// Why it is correct: `seen`, `todo` and `busy` are only touched under `m`. A URL enters `seen` and
// `todo` in the same critical section that tests it (insert's result), so no URL is queued or
// fetched twice. A worker takes a URL and counts itself busy in one critical section, fetches
// without the lock, then queues the new links and stops being busy in another. The crawl is over
// only when `todo` is empty and nobody is busy: an idle worker that finds the queue empty while
// another is still fetching waits instead of quitting, since that fetch may add work. The worker
// that makes the state "empty and idle" notifies all, so every waiter wakes, sees it and returns;
// every change to the condition happens under `m` before a notify, so no wakeup is lost. All
// workers are joined before crawl returns.
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);  // after "http://"
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        mutex m;                    // guards seen, todo and busy
        condition_variable changed; // signalled when todo grows or the crawl ends
        unordered_set<string> seen{startUrl};
        queue<string> todo;
        todo.push(startUrl);
        int busy = 0;               // workers fetching right now

        auto worker = [&] {
            unique_lock<mutex> lock(m);
            for (;;) {
                changed.wait(lock, [&] { return !todo.empty() || busy == 0; });
                if (todo.empty()) return;  // and busy == 0: nothing more will come
                string url = todo.front();
                todo.pop();
                ++busy;
                lock.unlock();
                vector<string> links = htmlParser.getUrls(url);
                lock.lock();
                for (auto& link : links)
                    if (hostOf(link) == host && seen.insert(link).second) todo.push(link);
                --busy;
                changed.notify_all();
            }
        };
        vector<thread> pool;
        for (int i = 0; i < 16; ++i) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
        return vector<string>(seen.begin(), seen.end());
    }
};
