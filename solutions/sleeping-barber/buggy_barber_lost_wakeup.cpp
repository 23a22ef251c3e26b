// expect: deadlock
// The race Dijkstra's sleeping barber was invented to show: the barber finds the waiting room
// empty and lets go of the lock, then says it is asleep and sleeps. A customer who sits down in
// between sees a barber who is not (yet) asleep and does not wake him; the barber then sleeps
// forever with a customer in the chair.
#include <semaphore>

class BarberShop {
    const int chairs;
    mutex m;
    condition_variable done;
    queue<int> waiting;
    unordered_set<int> cut;
    bool closed = false;
    bool sleeping = false;
    binary_semaphore wakeUp{0};

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            int id;
            {
                unique_lock<mutex> lock(m);
                if (waiting.empty()) {
                    if (closed) return;
                    lock.unlock();
                    {
                        lock_guard<mutex> again(m);
                        sleeping = true;
                    }
                    wakeUp.acquire();
                    continue;
                }
                id = waiting.front();
                waiting.pop();
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
        if (sleeping) {
            sleeping = false;
            wakeUp.release();
        }
        done.wait(lock, [&] { return cut.count(id) > 0; });
        return true;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        if (sleeping) {
            sleeping = false;
            wakeUp.release();
        }
    }
};
