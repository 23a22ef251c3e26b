// expect: not_concurrent
// bug: a worker that finds the queue empty quits unless nobody is fetching, instead of waiting
// while others fetch (their pages will bring more links). At the start only the start page is
// queued: the first worker takes it, every other worker finds the queue empty while one fetch is
// running and quits, and that one survivor crawls the whole web alone, one page after another.
// The answer is right; the crawl is sequential.
// Where it comes from: idle bookkeeping in hand-written pools ("no work and someone is busy:
// someone else will finish it"), one of the crawler bug shapes issue 17 lists.
// Measured (this branch, 2 Dec 2026): not_concurrent 10/10 in the default mode, 10/10 in --mode
// explore, 2/2 in --mode stress.
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        mutex m;
        unordered_set<string> seen{startUrl};
        queue<string> todo;
        todo.push(startUrl);
        int busy = 0;
        auto worker = [&] {
            unique_lock<mutex> lock(m);
            for (;;) {
                if (todo.empty()) return;  // BUG: quits while others may still add work
                string url = todo.front();
                todo.pop();
                ++busy;
                lock.unlock();
                vector<string> links = htmlParser.getUrls(url);
                lock.lock();
                for (auto& link : links)
                    if (hostOf(link) == host && seen.insert(link).second) todo.push(link);
                --busy;
            }
        };
        vector<thread> pool;
        for (int i = 0; i < 16; ++i) pool.emplace_back(worker);
        for (auto& t : pool) t.join();
        return vector<string>(seen.begin(), seen.end());
    }
};
