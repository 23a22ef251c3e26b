// expect: accepted
// primitive: completion callbacks on the service's reply threads, std::mutex + condition_variable
//
// Why it is correct: fetchAll sends the first min(k, n) requests; every reply's callback adds
// its sales and, if shops remain, sends the next request, so each reply frees exactly one slot
// and fills it again: never more than k requests are in flight, and k as long as shops remain.
// The callbacks run on the service's reply threads, two of which may deliver at the same time,
// so every field they share is guarded by one mutex: the total, the next shop, the count of
// replies. The next request is sent after the lock is released (a callback may run on this
// thread before async_get returns, and would otherwise lock the mutex twice). fetchAll waits on
// the condition variable with a predicate, under the same mutex the last callback holds when it
// counts the last reply, so that wakeup cannot be lost; then every reply is in.
class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        service_ = &service;
        shops_ = &shops;
        const size_t first = min<size_t>(k, shops.size());
        {
            lock_guard<mutex> lock(m);
            next = first;
        }
        for (size_t i = 0; i < first; ++i) send(i);
        unique_lock<mutex> lock(m);
        done.wait(lock, [&] { return replies == shops.size(); });
        return totals;
    }

private:
    void send(size_t i) {
        const string& shop = (*shops_)[i];
        service_->async_get(shop, [this, &shop](int sales) {
            size_t more = SIZE_MAX;
            {
                lock_guard<mutex> lock(m);
                totals[shop.substr(0, shop.find('/'))] += sales;
                if (++replies == shops_->size()) done.notify_one();
                if (next < shops_->size()) more = next++;
            }
            if (more != SIZE_MAX) send(more);
        });
    }

    int k;
    SalesService* service_ = nullptr;
    const vector<string>* shops_ = nullptr;
    mutex m;  // guards the fields below
    condition_variable done;
    map<string, int> totals;
    size_t next = 0;     // the next shop to request
    size_t replies = 0;  // replies counted
};
