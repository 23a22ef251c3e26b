// expect: deadlock
// bug: close() wakes one waiting receiver instead of all of them; with two receivers waiting on
// an empty channel, the other sleeps forever (the lost wakeup on close that Go's runtime avoids by
// waking every receiver queued on the channel)
class Channel {
    mutex m;                     // guards everything below
    condition_variable room, data;
    deque<int> buffer;
    const size_t limit;
    const bool rendezvous;
    long long sent = 0, taken = 0;
    bool closed = false;

public:
    Channel(int capacity) : limit(capacity > 0 ? capacity : 1), rendezvous(capacity == 0) {}

    bool send(int value) {
        unique_lock<mutex> lock(m);
        room.wait(lock, [this] { return closed || buffer.size() < limit; });
        if (closed) return false;
        buffer.push_back(value);
        const long long ticket = sent++;
        data.notify_one();
        if (rendezvous) room.wait(lock, [&] { return taken > ticket; });
        return true;
    }

    optional<int> receive() {
        unique_lock<mutex> lock(m);
        data.wait(lock, [this] { return closed || !buffer.empty(); });
        if (buffer.empty()) return nullopt;
        const int value = buffer.front();
        buffer.pop_front();
        ++taken;
        room.notify_all();
        return value;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        room.notify_all();
        data.notify_one();  // BUG: only one of the waiting receivers learns about the close
    }
};
