// expect: accepted
// primitive: boost::thread_group + boost::mutex + boost::condition_variable
//
// Why it is correct: the thread-pool design with Boost.Thread's types. `seen`, `todo` and `busy`
// are only touched under `m`; a URL is tested and marked in one critical section, so it is
// fetched once. Workers leave only when the queue is empty and nobody is fetching (a running
// fetch may still add links); whoever changes the queue or the busy count notifies all under the
// lock, so no waiter misses the end. join_all() waits for every worker before crawl returns.
#include <boost/thread.hpp>

class Solution {
    static std::string hostOf(const std::string& url) {
        std::size_t slash = url.find('/', 7);  // after "http://"
        return url.substr(7, slash == std::string::npos ? std::string::npos : slash - 7);
    }

public:
    vector<string> crawl(string startUrl, HtmlParser htmlParser) {
        const std::string host = hostOf(startUrl);
        boost::mutex m;                     // guards seen, todo and busy
        boost::condition_variable changed;  // signalled when todo grows or busy drops
        std::unordered_set<std::string> seen{startUrl};
        std::deque<std::string> todo{startUrl};
        int busy = 0;

        boost::thread_group workers;
        for (int i = 0; i < 16; ++i)
            workers.create_thread([&] {
                boost::unique_lock<boost::mutex> lock(m);
                for (;;) {
                    while (todo.empty() && busy > 0) changed.wait(lock);
                    if (todo.empty()) return;
                    std::string url = todo.front();
                    todo.pop_front();
                    ++busy;
                    lock.unlock();
                    std::vector<std::string> links = htmlParser.getUrls(url);
                    lock.lock();
                    for (auto& link : links)
                        if (hostOf(link) == host && seen.insert(link).second) todo.push_back(link);
                    --busy;
                    changed.notify_all();
                }
            });
        workers.join_all();
        return vector<string>(seen.begin(), seen.end());
    }
};
