// expect: wrong_answer
// bug: the lost update with threads and a mutex. Every access to the map is locked, so there is
// no data race, but the read and the write of a total are two critical sections with the
// blocking get() between them: another thread adds its reply for the same region meanwhile, and
// the write-back of "old total + sales" erases it. A lock makes each step atomic, not the
// read-modify-write made of several steps; that needs one critical section around both.
class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        map<string, int> totals;  // guarded by m
        mutex m;
        atomic<size_t> next{0};
        vector<thread> workers;
        for (int w = 0; w < min<int>(k, shops.size()); ++w)
            workers.emplace_back([&] {
                for (size_t i; (i = next.fetch_add(1)) < shops.size();) {
                    const string region = shops[i].substr(0, shops[i].find('/'));
                    int before;
                    {
                        lock_guard<mutex> lock(m);
                        before = totals[region];
                    }
                    const int sales = service.get(shops[i]);
                    lock_guard<mutex> lock(m);
                    totals[region] = before + sales;
                }
            });
        for (auto& t : workers) t.join();
        return totals;
    }

private:
    int k;
};
