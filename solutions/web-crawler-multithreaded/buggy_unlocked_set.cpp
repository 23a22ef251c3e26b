// expect: data_race
// judge-mode: tsan
// bug: the tasks of one level insert into the shared `seen` set and `next` list without a lock.
// Concurrent inserts into an unordered_set are a data race: they can corrupt it, lose URLs or
// crash. Judged in tsan mode, which names the race in every run; in stress mode the corruption
// shows only in some runs.
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        unordered_set<string> seen{startUrl};
        vector<string> level{startUrl};
        while (!level.empty()) {
            vector<string> next;
            vector<thread> threads;
            for (auto& url : level)
                threads.emplace_back([&, url] {
                    for (auto& link : htmlParser.getUrls(url))
                        if (hostOf(link) == host && seen.insert(link).second) next.push_back(link);
                });
            for (auto& t : threads) t.join();
            level = move(next);
        }
        return vector<string>(seen.begin(), seen.end());
    }
};
