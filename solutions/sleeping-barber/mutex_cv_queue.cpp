// expect: accepted
// primitive: std::mutex + std::condition_variable
//
// Why it is correct: the waiting room is a queue guarded by the mutex. A customer decides to balk
// or sit down under the mutex, so the check "all chairs taken" and the sitting down are one step,
// and the barber takes the next customer from the queue under the same mutex: a chair is never
// handed out twice and never lost. The barber waits on `work` for "someone waits or the shop is
// closed", and a customer notifies it after sitting down; the customer waits on `done` until its
// own id is marked as cut. Both waits re-check their predicate under the mutex, so a notify that
// comes before the wait, or a spurious wakeup, is harmless. No deadlock: the barber never holds
// the mutex while cutting, and every wait has a notify after the change it waits for.
class BarberShop {
    const int chairs;
    mutex m;                      // guards waiting, cut and closed
    condition_variable work;      // the barber waits here for customers or close()
    condition_variable done;      // customers wait here for their haircut to finish
    queue<int> waiting;           // guarded by m: customers in the waiting chairs
    unordered_set<int> cut;       // guarded by m: customers whose haircut has finished
    bool closed = false;          // guarded by m

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            int id;
            {
                unique_lock<mutex> lock(m);
                work.wait(lock, [&] { return !waiting.empty() || closed; });
                if (waiting.empty()) return;  // closed and nobody left
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
        work.notify_one();
        done.wait(lock, [&] { return cut.count(id) > 0; });
        cut.erase(id);
        return true;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        work.notify_one();
    }
};
