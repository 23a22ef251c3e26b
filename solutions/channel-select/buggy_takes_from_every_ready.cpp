// expect: wrong_answer
// bug: select takes a value from every ready channel and returns the first, so the values taken
// from the other channels, whose branches did not fire, are lost
class Channel {
    static mutex m;                    // guards every channel's fields
    static condition_variable changed;
    deque<int> items;
    const size_t capacity;
    bool closed = false;

    bool ready() const { return closed || !items.empty(); }
    optional<int> take() {
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
        static unsigned turn = 0;  // guarded by m
        const size_t n = channels.size();
        for (;;) {
            const size_t start = turn++ % n;
            for (size_t k = 0; k < n; ++k) {
                const size_t i = (start + k) % n;
                if (!channels[i]->ready()) continue;
                auto got = channels[i]->take();
                for (size_t j = 0; j < n; ++j)  // BUG: drains the other ready channels too
                    if (j != i && channels[j]->ready()) channels[j]->take();
                return {static_cast<int>(i), got};
            }
            if (with_default) return {-1, nullopt};
            changed.wait(lock);
        }
    }
};
mutex Channel::m;
condition_variable Channel::changed;
