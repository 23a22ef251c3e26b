// expect: accepted
// primitive: one std::mutex and one std::condition_variable shared by every channel; a rotating
// start position for select's scan
//
// Why it is correct: every channel's state is guarded by the one global lock `m`, so a select
// looks at all its channels, and takes from one, in a single instant: exactly one branch fires
// and no other channel is touched. Every change (a value in, a value out, a close) is made under
// `m` and followed by notify_all on the one condition variable `changed`, and every wait is a loop
// on the exact condition it needs, so no wakeup can be lost and a stolen one just waits again.
// Fairness: each select starts its scan one position later than the previous select did (a
// counter under `m`), so a ready channel is passed over at most as many times as there are
// channels before the scan starts at it.
class Channel {
    static mutex m;                    // guards every channel's fields, and turn
    static condition_variable changed; // any channel's state changed
    static unsigned turn;              // where the next select starts its scan
    deque<int> items;
    const size_t capacity;
    bool closed = false;

    bool ready() const { return closed || !items.empty(); }
    optional<int> take() {  // requires m held and ready()
        if (items.empty()) return nullopt;
        const int v = items.front();
        items.pop_front();
        changed.notify_all();
        return v;
    }

public:
    Channel(int capacity) : capacity(capacity) {}

    bool send(int value) {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [this] { return closed || items.size() < capacity; });
        if (closed) return false;
        items.push_back(value);
        changed.notify_all();
        return true;
    }

    optional<int> receive() {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [this] { return ready(); });
        return take();
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        changed.notify_all();
    }

    static pair<int, optional<int>> select(const vector<Channel*>& channels, bool with_default) {
        unique_lock<mutex> lock(m);
        const size_t n = channels.size();
        for (;;) {
            const size_t start = turn++ % n;
            for (size_t k = 0; k < n; ++k) {
                const size_t i = (start + k) % n;
                if (channels[i]->ready()) return {static_cast<int>(i), channels[i]->take()};
            }
            if (with_default) return {-1, nullopt};
            changed.wait(lock);
        }
    }
};
mutex Channel::m;
condition_variable Channel::changed;
unsigned Channel::turn = 0;
