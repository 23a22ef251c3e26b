// expect: rejected
// bug: send() never looks at `closed`, so a send after close() still delivers its value (a
// receiver may get it after close, or send returns true on a closed channel), or, once every
// receiver has left, waits forever for room or for a receiver. Which of the two shows depends on
// the schedule: wrong_answer or deadlock, both correct rejections.
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
        room.wait(lock, [this] { return buffer.size() < limit; });  // BUG: closed not checked
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
        data.notify_all();
    }
};
