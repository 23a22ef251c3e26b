// expect: data_race
// judge-mode: tsan
// bug: k threads call the blocking get() and add to the shared map without a lock. Two threads
// inserting into or updating a std::map at once is a data race: updates are lost, and an insert
// that rebalances the tree under another thread's feet can corrupt it or crash. Judged in tsan
// mode, which names the race every run; in stress mode the damage shows only in some runs.
class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        map<string, int> totals;
        atomic<size_t> next{0};
        vector<thread> workers;
        for (int w = 0; w < min<int>(k, shops.size()); ++w)
            workers.emplace_back([&] {
                for (size_t i; (i = next.fetch_add(1)) < shops.size();)
                    totals[shops[i].substr(0, shops[i].find('/'))] += service.get(shops[i]);
            });
        for (auto& t : workers) t.join();
        return totals;
    }

private:
    int k;
};
