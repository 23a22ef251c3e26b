// expect: wrong_answer
// bug: capacity 0 is treated as a buffer of one place, so send() returns as soon as its value is
// in the slot, before any receiver has it: a rendezvous must not let the sender run ahead (a
// common shortcut, "make(chan int)" read as "make(chan int, 1)")
class Channel {
    mutex m;                     // guards everything below
    condition_variable room, data;
    deque<int> buffer;
    const size_t limit;
    bool closed = false;

public:
    Channel(int capacity) : limit(capacity > 0 ? capacity : 1) {}

    bool send(int value) {
        unique_lock<mutex> lock(m);
        room.wait(lock, [this] { return closed || buffer.size() < limit; });
        if (closed) return false;
        buffer.push_back(value);
        data.notify_one();
        return true;  // BUG: on a rendezvous, nobody has taken the value yet
    }

    optional<int> receive() {
        unique_lock<mutex> lock(m);
        data.wait(lock, [this] { return closed || !buffer.empty(); });
        if (buffer.empty()) return nullopt;
        const int value = buffer.front();
        buffer.pop_front();
        room.notify_one();
        return value;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        room.notify_all();
        data.notify_all();
    }
};
