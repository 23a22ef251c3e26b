// expect: wrong_answer
// The savage wakes the cook when the pot is empty but does not wait for the refill: it takes its
// serving at once, from the empty pot.
#include <semaphore>

class DiningSavages {
    const int m;
    mutex mu;
    int servings = 0;
    binary_semaphore emptyPot{0};
    atomic<bool> closed{false};

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        lock_guard<mutex> lock(mu);
        if (servings == 0) {
            emptyPot.release();
            servings = m;
        }
        --servings;
        getServingFromPot();
    }

    void cook(function<void()> putServingsInPot) {
        for (;;) {
            emptyPot.acquire();
            if (closed.load()) return;
            putServingsInPot();
        }
    }

    void close() {
        closed.store(true);
        emptyPot.release();
    }
};
