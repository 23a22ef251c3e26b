// expect: accepted
// primitive: a std::mutex + two condition variables per channel for send/receive; one global
// std::atomic<unsigned> "epoch" with C++20 wait/notify_all that a waiting select sleeps on; a
// rotating start position
//
// Why it is correct: a channel's fields are guarded by its own lock, and select takes a value
// while holding only that channel's lock, so exactly the returned branch fires. Every change to
// any channel (a value in, a close) bumps the epoch after the change is made and calls
// notify_all. A select reads the epoch before it scans; if the scan finds nothing, it waits until
// the epoch differs from what it read. Any change it did not see in the scan came after that read,
// so it bumped the epoch and the wait returns: no wakeup is lost. A wakeup for a change on a
// channel it does not watch, or for a value another receiver took first, only costs another scan.
// The start position rotates (an atomic counter), so no ready channel is passed over forever.
class Channel {
    static atomic<unsigned> epoch;     // bumped after every send and close, on any channel
    static atomic<unsigned> turn;      // where the next select starts its scan
    mutex m;                           // guards items, closed
    condition_variable room, data;
    deque<int> items;
    const size_t capacity;
    bool closed = false;

    static void bump() {
        epoch.fetch_add(1);
        epoch.notify_all();
    }
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
        {
            unique_lock<mutex> lock(m);
            room.wait(lock, [this] { return closed || items.size() < capacity; });
            if (closed) return false;
            items.push_back(value);
            data.notify_one();
        }
        bump();
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
        {
            lock_guard<mutex> lock(m);
            closed = true;
            room.notify_all();
            data.notify_all();
        }
        bump();
    }

    static pair<int, optional<int>> select(const vector<Channel*>& channels, bool with_default) {
        const size_t n = channels.size();
        for (;;) {
            const unsigned seen = epoch.load();
            const size_t start = turn.fetch_add(1) % n;
            for (size_t k = 0; k < n; ++k) {
                const size_t i = (start + k) % n;
                if (auto got = channels[i]->try_take()) return {static_cast<int>(i), *got};
            }
            if (with_default) return {-1, nullopt};
            epoch.wait(seen);
        }
    }
};
atomic<unsigned> Channel::epoch{0};
atomic<unsigned> Channel::turn{0};
