// expect: accepted
// primitive: std::thread workers calling the blocking get(), std::atomic index, std::mutex
//
// Why it is correct: fetchAll starts min(k, n) threads; each claims the next shop with one
// fetch_add on an atomic index (no shop is claimed twice or skipped) and calls the blocking
// get(), so at most one request per thread, k in all, is ever in flight, and every thread keeps
// one in flight while shops remain. The threads update the shared map under one mutex, the read
// and the write of `totals[region] += sales` inside the same critical section, so no update is
// lost and the map is never modified by two threads at once. fetchAll joins every thread before
// it reads the map, which also makes their writes visible to it and leaves no thread running.
class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        map<string, int> totals;  // guarded by m
        mutex m;
        atomic<size_t> next{0};
        vector<thread> workers;
        const int n = min<int>(k, shops.size());
        for (int w = 0; w < n; ++w)
            workers.emplace_back([&] {
                for (size_t i; (i = next.fetch_add(1)) < shops.size();) {
                    const int sales = service.get(shops[i]);
                    lock_guard<mutex> lock(m);
                    totals[shops[i].substr(0, shops[i].find('/'))] += sales;
                }
            });
        for (auto& t : workers) t.join();
        return totals;
    }

private:
    int k;
};
