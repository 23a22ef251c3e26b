// expect: accepted
// primitive: boost::mutex + one boost::condition_variable with notify_all (a monitor); a ring
// buffer, and a hand-off slot with an owner flag for the rendezvous
//
// Why it is correct: one lock guards the whole state and one condition variable stands for "the
// state changed"; every change is followed by notify_all and every wait is a loop on the exact
// condition the waiter needs, so whoever can proceed wakes, and a spurious or unneeded wakeup
// only re-checks and waits again. No wakeup is lost because every change and every check happen
// under `m`. On a rendezvous a sender claims the empty slot, puts its value in and waits until a
// receiver has emptied it (`slot_full` false again while it is still the owner), so it returns
// only after its own value was taken; other senders wait for the slot to be free of owners.
class Channel {
    boost::mutex m;                    // guards everything below
    boost::condition_variable changed;
    vector<int> ring;                  // capacity > 0: ring of `capacity` places
    size_t head = 0, count = 0;        // oldest place, values held
    bool slot_owned = false;           // capacity 0: a sender is using the slot
    bool slot_full = false;            // capacity 0: the slot holds a value not yet taken
    int slot = 0;
    bool closed = false;

public:
    Channel(int capacity) : ring(capacity) {}

    bool send(int value) {
        boost::unique_lock<boost::mutex> lock(m);
        if (ring.empty()) {
            while (!closed && slot_owned) changed.wait(lock);
            if (closed) return false;
            slot_owned = true;
            slot = value;
            slot_full = true;
            changed.notify_all();
            while (slot_full) changed.wait(lock);  // close() is never called while we wait
            slot_owned = false;
            changed.notify_all();
            return true;
        }
        while (!closed && count == ring.size()) changed.wait(lock);
        if (closed) return false;
        ring[(head + count) % ring.size()] = value;
        ++count;
        changed.notify_all();
        return true;
    }

    optional<int> receive() {
        boost::unique_lock<boost::mutex> lock(m);
        if (ring.empty()) {
            while (!closed && !slot_full) changed.wait(lock);
            if (!slot_full) return nullopt;
            slot_full = false;
            changed.notify_all();
            return slot;
        }
        while (!closed && count == 0) changed.wait(lock);
        if (count == 0) return nullopt;
        const int value = ring[head];
        head = (head + 1) % ring.size();
        --count;
        changed.notify_all();
        return value;
    }

    void close() {
        boost::lock_guard<boost::mutex> lock(m);
        closed = true;
        changed.notify_all();
    }
};
