// expect: not_concurrent
// bug: the requests go out in batches of k, and the next batch only after the whole batch has
// replied. The limit holds and the totals are right, but each batch waits for its slowest reply
// while the other k-1 slots stand idle: when every batch holds one slow shop, fetchAll takes
// the sum of the slow replies. Only explore's virtual time measures this exactly (a loaded
// machine stretches real time), so stress accepts it; the default mode's explore catches it.
class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        map<string, int> totals;
        mutex m;  // guards totals
        for (size_t from = 0; from < shops.size(); from += k) {
            vector<thread> batch;
            for (size_t i = from; i < min(shops.size(), from + k); ++i)
                batch.emplace_back([&, i] {
                    const int sales = service.get(shops[i]);
                    lock_guard<mutex> lock(m);
                    totals[shops[i].substr(0, shops[i].find('/'))] += sales;
                });
            for (auto& t : batch) t.join();
        }
        return totals;
    }

private:
    int k;
};
