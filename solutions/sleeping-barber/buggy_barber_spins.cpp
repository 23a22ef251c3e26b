// expect: livelock
// The barber never sleeps: with nobody waiting it checks the room again and again, yielding in
// between. It gives every haircut, but it burns a CPU while the shop is empty, which is exactly
// what the sleeping barber is meant to avoid.
class BarberShop {
    const int chairs;
    mutex m;
    condition_variable done;
    queue<int> waiting;
    unordered_set<int> cut;
    bool closed = false;

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            int id;
            {
                lock_guard<mutex> lock(m);
                if (waiting.empty()) {
                    if (closed) return;
                    id = -1;
                } else {
                    id = waiting.front();
                    waiting.pop();
                }
            }
            if (id < 0) {
                this_thread::yield();
                continue;
            }
            cutHair(id);
            lock_guard<mutex> lock(m);
            cut.insert(id);
            done.notify_all();
        }
    }

    bool customer(int id) {
        unique_lock<mutex> lock(m);
        if (static_cast<int>(waiting.size()) == chairs) return false;
        waiting.push(id);
        done.wait(lock, [&] { return cut.count(id) > 0; });
        return true;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
    }
};
