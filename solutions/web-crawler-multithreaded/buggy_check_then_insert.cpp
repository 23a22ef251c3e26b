// expect: wrong_answer
// bug: "already crawled?" and "mark as crawled" are two separate critical sections, with the
// fetch in between (check-then-act). A link that several pages point to is queued several times;
// two workers that take copies of it both find it unmarked before either marks it, and both
// fetch it.
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
        unordered_set<string> crawled;
        queue<string> todo;
        todo.push(startUrl);
        int busy = 0;

        auto worker = [&] {
            for (;;) {
                string url;
                {
                    unique_lock<mutex> lock(m);
                    changed.wait(lock, [&] { return !todo.empty() || busy == 0; });
                    if (todo.empty()) return;
                    url = todo.front();
                    todo.pop();
                    if (crawled.count(url)) continue;  // check ...
                    ++busy;
                }
                vector<string> links = htmlParser.getUrls(url);
                {
                    lock_guard<mutex> lock(m);
                    crawled.insert(url);  // ... then act, too late
                    for (auto& link : links)
                        if (hostOf(link) == host && !crawled.count(link)) todo.push(link);
                    --busy;
                }
                changed.notify_all();
            }
        };
        vector<thread> pool;
        for (int i = 0; i < 16; ++i) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
        return vector<string>(crawled.begin(), crawled.end());
    }
};
