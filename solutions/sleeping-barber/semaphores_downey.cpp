// expect: accepted
// primitive: C++20 std::counting_semaphore / std::binary_semaphore (Downey 5.2 with a queue)
//
// Why it is correct: a customer decides under the mutex, from the count of waiting customers,
// whether to balk or to take a chair (queue its own semaphore); then it signals `customers`,
// which counts queued customers plus one for close(). The barber sleeps on `customers` rather
// than polling; each acquire matches one queued customer (or close(), which is released once
// and only after every customer has left, so the queue is empty then), and the barber takes the
// front of the queue under the mutex, so each customer is cut exactly once. After cutting, the
// barber releases that customer's own semaphore, and the customer returns only then. Semaphores
// keep their counts, so no release is lost even when it comes before the acquire.
#include <semaphore>

class BarberShop {
    const int chairs;
    mutex m;                                 // guards waiting and closed
    deque<pair<int, binary_semaphore*>> waiting;  // guarded by m: seated customers
    bool closed = false;                     // guarded by m
    counting_semaphore<> customers{0};       // seated customers, plus one once closed
    list<binary_semaphore> signals;          // guarded by m: one per seated customer, kept for
                                             // the shop's life (a post may touch it late)

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            customers.acquire();
            pair<int, binary_semaphore*> next;
            {
                lock_guard<mutex> lock(m);
                if (waiting.empty() && closed) return;
                next = waiting.front();
                waiting.pop_front();
            }
            cutHair(next.first);
            next.second->release();
        }
    }

    bool customer(int id) {
        binary_semaphore* haircutDone;
        {
            lock_guard<mutex> lock(m);
            if (static_cast<int>(waiting.size()) == chairs) return false;
            haircutDone = &signals.emplace_back(0);
            waiting.emplace_back(id, haircutDone);
        }
        customers.release();
        haircutDone->acquire();
        return true;
    }

    void close() {
        {
            lock_guard<mutex> lock(m);
            closed = true;
        }
        customers.release();
    }
};
