// expect: deadlock
// bug: close() sets an atomic flag and notifies without taking the lock. A receiver that has just
// seen "open and empty" under the lock, but has not yet gone to sleep, misses both the flag and
// the notification and then waits forever: a lost wakeup. The window is a few instructions wide,
// so plain stress rarely hits it: 1 of 5 two-second stress runs here found it (after 6,000 of
// about 30,000 trials each); explore found it in every run, within 1 to 278 schedules.
class Channel {
    mutex m;                     // guards buffer, sent, taken (closed is atomic: the bug)
    condition_variable room, data;
    deque<int> buffer;
    const size_t limit;
    const bool rendezvous;
    long long sent = 0, taken = 0;
    atomic<bool> closed{false};

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
        closed = true;  // BUG: not under `m`, so it can fall between a receiver's check and wait
        room.notify_all();
        data.notify_all();
    }
};
