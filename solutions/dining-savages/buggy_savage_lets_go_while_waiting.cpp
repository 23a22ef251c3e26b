// expect: wrong_answer
// The savage who finds the pot empty lets go of the mutex before it wakes the cook and waits.
// A second savage then also finds the pot empty and wakes the cook too: the cook refills twice,
// the second time into a pot that is not empty. Downey's solution keeps the mutex across the
// wait precisely to prevent this.
#include <semaphore>

class DiningSavages {
    const int m;
    mutex mu;
    int servings = 0;
    counting_semaphore<> emptyPot{0};
    counting_semaphore<> fullPot{0};
    atomic<bool> closed{false};

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        unique_lock<mutex> lock(mu);
        while (servings == 0) {
            lock.unlock();
            emptyPot.release();
            fullPot.acquire();
            lock.lock();
        }
        --servings;
        getServingFromPot();
    }

    void cook(function<void()> putServingsInPot) {
        for (;;) {
            emptyPot.acquire();
            if (closed.load()) return;
            putServingsInPot();
            {
                lock_guard<mutex> lock(mu);
                servings = m;
            }
            fullPot.release();
        }
    }

    void close() {
        closed.store(true);
        emptyPot.release();
    }
};
