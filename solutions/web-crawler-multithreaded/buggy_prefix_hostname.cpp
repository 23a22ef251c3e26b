// expect: wrong_answer
// bug: a link counts as "same host" when it merely starts with "http://" + hostname, so pages on
// news.example.org.evil or news.example.org.cn are crawled and returned too.
class Solution {
public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        size_t slash = startUrl.find('/', 7);
        const string prefix = startUrl.substr(0, slash);  // "http://hostname"
        mutex m;
        condition_variable changed;
        unordered_set<string> seen{startUrl};
        queue<string> todo;
        todo.push(startUrl);
        int busy = 0;

        auto worker = [&] {
            unique_lock<mutex> lock(m);
            for (;;) {
                changed.wait(lock, [&] { return !todo.empty() || busy == 0; });
                if (todo.empty()) return;
                string url = todo.front();
                todo.pop();
                ++busy;
                lock.unlock();
                vector<string> links = htmlParser.getUrls(url);
                lock.lock();
                for (auto& link : links)
                    if (link.compare(0, prefix.size(), prefix) == 0 && seen.insert(link).second)
                        todo.push(link);
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
