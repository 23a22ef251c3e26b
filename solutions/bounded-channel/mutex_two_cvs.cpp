// expect: accepted
// primitive: std::mutex + two std::condition_variable (room, data); a transfer counter for the
// rendezvous
//
// Why it is correct: all state lives under `m`, so each call takes effect at one instant while
// holding it. The buffer holds at most max(capacity, 1) values: with capacity 0 it is a one-place
// slot, and a sender that put its value there waits until `taken` (values received so far) passes
// its own ticket, so it returns only once a receiver has that very value. Every wait is a loop on
// the state it needs, so spurious or stolen wakeups just wait again. Each change is followed by a
// notify of the side that may now proceed: a receive frees room (room.notify_all, since on a
// rendezvous the waiting sender and the senders waiting for the slot both wait on `room`), a send
// adds data (data.notify_one: one value feeds one receiver), and close() sets `closed` under the
// lock and wakes every receiver, so none can miss it between its check and its wait.
class Channel {
    mutex m;                     // guards everything below
    condition_variable room;     // a value left the buffer (or the channel closed)
    condition_variable data;     // a value arrived (or the channel closed)
    deque<int> buffer;           // oldest first
    const size_t limit;          // max(capacity, 1): a rendezvous uses a one-place slot
    const bool rendezvous;
    long long sent = 0;          // values ever put into the buffer
    long long taken = 0;         // values ever received
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
        data.notify_all();
    }
};
