// expect: deadlock
// Downey's savage holds the mutex while it waits for the refill; here the cook also takes that
// mutex to fill the pot. The savage waits for the cook, the cook waits for the savage's mutex.
#include <semaphore>

class DiningSavages {
    const int m;
    mutex mu;
    int servings = 0;
    binary_semaphore emptyPot{0};
    binary_semaphore fullPot{0};
    atomic<bool> closed{false};

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        lock_guard<mutex> lock(mu);
        if (servings == 0) {
            emptyPot.release();
            fullPot.acquire();
        }
        --servings;
        getServingFromPot();
    }

    void cook(function<void()> putServingsInPot) {
        for (;;) {
            emptyPot.acquire();
            if (closed.load()) return;
            lock_guard<mutex> lock(mu);
            putServingsInPot();
            servings = m;
            fullPot.release();
        }
    }

    void close() {
        closed.store(true);
        emptyPot.release();
    }
};
