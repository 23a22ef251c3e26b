// expect: wrong_answer
// bug: the "room" test is `size <= capacity`, so a buffered channel takes one value more than its
// capacity before a sender has to wait: back-pressure starts one value late
class Channel {
    mutex m;                     // guards everything below
    condition_variable room, data;
    deque<int> buffer;
    const size_t limit;
    const bool rendezvous;
    long long sent = 0, taken = 0;
    bool closed = false;

public:
    Channel(int capacity) : limit(capacity), rendezvous(capacity == 0) {}

    bool send(int value) {
        unique_lock<mutex> lock(m);
        room.wait(lock, [this] { return closed || buffer.size() <= limit; });  // BUG: <=
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
        data.notify_all();
    }
};
