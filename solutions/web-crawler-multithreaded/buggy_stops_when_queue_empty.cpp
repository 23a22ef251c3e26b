// expect: wrong_answer or not_concurrent
// bug: the dispatch loop ends as soon as the queue is empty, although fetches that are still
// running will add more links; it then joins the threads and returns. The start page's fetch is
// still running when the loop first looks, so only the start page and its own links are found.
// In a schedule where each fetch has finished before the loop looks again, every page is found,
// but one fetch at a time: the same bug then shows as not_concurrent.
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
        vector<thread> threads;
        while (true) {
            string url;
            {
                lock_guard<mutex> lock(m);
                if (todo.empty()) break;
                url = todo.front();
                todo.pop();
            }
            threads.emplace_back([&, url] {
                vector<string> links = htmlParser.getUrls(url);
                lock_guard<mutex> lock(m);
                for (auto& link : links)
                    if (hostOf(link) == host && seen.insert(link).second) todo.push(link);
            });
        }
        for (auto& t : threads) t.join();
        return vector<string>(seen.begin(), seen.end());
    }
};
