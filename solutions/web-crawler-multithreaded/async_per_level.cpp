// expect: accepted
// primitive: std::async (launch::async) futures, one per page of a BFS level
//
// Why it is correct: only the calling thread touches `seen` and `level`; the fetches of one level
// run in parallel, each in its own std::async task that shares nothing but the parser (which is
// safe to call from many threads). future::get() both waits for a task and publishes its result,
// so the calling thread reads every list of links after it was written. A URL is queued only if
// seen.insert says it is new, so none is fetched twice. Every future is waited for before the
// next level starts, so no task outlives crawl.
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);  // after "http://"
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        unordered_set<string> seen{startUrl};  // only the calling thread uses it
        vector<string> level{startUrl};
        while (!level.empty()) {
            vector<future<vector<string>>> fetches;
            for (auto& url : level)
                fetches.push_back(async(launch::async, [&htmlParser, url] {
                    return htmlParser.getUrls(url);
                }));
            vector<string> next;
            for (auto& f : fetches)
                for (auto& link : f.get())
                    if (hostOf(link) == host && seen.insert(link).second) next.push_back(link);
            level = move(next);
        }
        return vector<string>(seen.begin(), seen.end());
    }
};
