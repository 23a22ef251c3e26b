// expect: accepted
// primitive: a std::mutex per channel; a waiting select registers a Waiter (its own mutex,
// condition variable and flag) with every channel it watches, as Go's runtime queues a sudog on
// each channel of a select; a random start position for the scan
//
// Why it is correct: a channel's fields are guarded by its own lock, and select takes a value
// while holding only that channel's lock, so it takes from exactly the channel whose index it
// returns. No wakeup is lost: a select that found nothing first registers its waiter with every
// channel and only then scans again; a change made before a channel saw the registration is
// seen by that second scan, and a change made after it signals the waiter (the flag is set under
// the waiter's lock, and the select waits in a loop on that flag). Locks are never nested (a
// channel's lock is released before any waiter's lock is taken), so there is no lock-order
// deadlock. A random start position means a ready channel is picked with probability 1/n each
// time, so none is starved.
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
            auto got = scan();
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
