// expect: deadlock
// bug: a select that found nothing registers its waiter and goes to sleep without scanning again.
// A send or close that lands between the scan and the registration signals nobody, and if it
// was the last one, the select sleeps forever: the classic lost wakeup of check-then-register.
// (Stress finds this one too, within a few thousand trials.)
class Channel {
    struct Waiter {
        mutex m;                  // guards signalled
        condition_variable cv;
        bool signalled = false;
        void signal() {
            lock_guard<mutex> lock(m);
            signalled = true;
            cv.notify_one();
        }
    };

    mutex m;                          // guards everything below
    condition_variable room, data;    // for plain send and receive
    deque<int> items;
    const size_t capacity;
    bool closed = false;
    vector<shared_ptr<Waiter>> waiters;  // selects waiting on this channel

    /// Called after a change, with m held: wakes the plain receivers and every waiting select.
    vector<shared_ptr<Waiter>> changedLocked() {
        data.notify_all();
        return waiters;
    }
    static void wake(const vector<shared_ptr<Waiter>>& ws) {
        for (auto& w : ws) w->signal();
    }
    /// Takes a value (or the closed report) if this channel is ready.
    optional<optional<int>> try_take() {
        lock_guard<mutex> lock(m);
        if (!items.empty()) {
            const int v = items.front();
            items.pop_front();
            room.notify_one();
            return optional<int>(v);
        }
        if (closed) return optional<int>();
        return nullopt;
    }

public:
    Channel(int capacity) : capacity(capacity) {}

    bool send(int value) {
        vector<shared_ptr<Waiter>> ws;
        {
            unique_lock<mutex> lock(m);
            room.wait(lock, [this] { return closed || items.size() < capacity; });
            if (closed) return false;
            items.push_back(value);
            ws = changedLocked();
        }
        wake(ws);
        return true;
    }

    optional<int> receive() {
        unique_lock<mutex> lock(m);
        data.wait(lock, [this] { return closed || !items.empty(); });
        if (items.empty()) return nullopt;
        const int v = items.front();
        items.pop_front();
        room.notify_one();
        return v;
    }

    void close() {
        vector<shared_ptr<Waiter>> ws;
        {
            lock_guard<mutex> lock(m);
            closed = true;
            room.notify_all();
            ws = changedLocked();
        }
        wake(ws);
    }

    static pair<int, optional<int>> select(const vector<Channel*>& channels, bool with_default) {
        thread_local mt19937 rng(random_device{}());
        const size_t n = channels.size();
        auto scan = [&]() -> optional<pair<int, optional<int>>> {
            const size_t start = rng() % n;
            for (size_t k = 0; k < n; ++k) {
                const size_t i = (start + k) % n;
                if (auto got = channels[i]->try_take()) return pair<int, optional<int>>(i, *got);
            }
            return nullopt;
        };
        if (auto got = scan()) return *got;
        if (with_default) return {-1, nullopt};
        for (;;) {
            auto w = make_shared<Waiter>();
            for (auto* c : channels) {
                lock_guard<mutex> lock(c->m);
                c->waiters.push_back(w);
            }
            optional<pair<int, optional<int>>> got;  // BUG: no second scan after registering
            if (!got) {
                unique_lock<mutex> lock(w->m);
                w->cv.wait(lock, [&] { return w->signalled; });
            }
            for (auto* c : channels) {
                lock_guard<mutex> lock(c->m);
                c->waiters.erase(find(c->waiters.begin(), c->waiters.end(), w));
            }
            if (got) return *got;
            if ((got = scan())) return *got;
        }
    }
};
