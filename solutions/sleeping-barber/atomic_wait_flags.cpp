// expect: accepted
// primitive: std::atomic with C++20 wait/notify (plus a mutex for the queue)
//
// Why it is correct: `work` holds the number of seated customers and a CLOSED bit; the barber
// sleeps in work.wait() while it is zero, so it never spins. A customer takes a chair under the
// mutex (the balk check and the sitting down are one step), then raises `work` and notifies;
// the barber takes the front of the queue under the mutex and lowers `work` by one. The
// customer waits on its own flag, which the barber sets (and notifies) after cutting. Every
// change a waiter waits for is made before the notify, and atomic::wait(old) sleeps only while
// the value is still old, so no wakeup is lost.
class BarberShop {
    static constexpr int CLOSED = 1 << 30;
    const int chairs;
    mutex m;                                   // guards waiting
    deque<pair<int, atomic<bool>*>> waiting;   // guarded by m: seated customers and their flags
    atomic<int> work{0};                       // seated customers, | CLOSED after close()
    list<atomic<bool>> flags;                  // guarded by m: one per seated customer, kept
                                               // for the shop's life (a notify may come late)

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            const int w = work.load();
            if ((w & ~CLOSED) == 0) {
                if (w & CLOSED) return;
                work.wait(w);
                continue;
            }
            pair<int, atomic<bool>*> next;
            {
                lock_guard<mutex> lock(m);
                next = waiting.front();
                waiting.pop_front();
            }
            work.fetch_sub(1);
            cutHair(next.first);
            next.second->store(true);
            next.second->notify_one();
        }
    }

    bool customer(int id) {
        atomic<bool>* haircutDone;
        {
            lock_guard<mutex> lock(m);
            if (static_cast<int>(waiting.size()) == chairs) return false;
            haircutDone = &flags.emplace_back(false);
            waiting.emplace_back(id, haircutDone);
        }
        work.fetch_add(1);
        work.notify_one();
        haircutDone->wait(false);
        return true;
    }

    void close() {
        work.fetch_or(CLOSED);
        work.notify_one();
    }
};
