// expect: not_concurrent
// bug: a plain breadth-first search on the calling thread: correct answer, but every page is
// fetched after the previous one, so the crawl takes (pages x latency) instead of (depth x latency).
class Solution {
    static string hostOf(const string& url) {
        size_t slash = url.find('/', 7);
        return url.substr(7, slash == string::npos ? string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const string host = hostOf(startUrl);
        unordered_set<string> seen{startUrl};
        queue<string> todo;
        todo.push(startUrl);
        while (!todo.empty()) {
            string url = todo.front();
            todo.pop();
            for (auto& link : htmlParser.getUrls(url))
                if (hostOf(link) == host && seen.insert(link).second) todo.push(link);
        }
        return vector<string>(seen.begin(), seen.end());
    }
};
