// expect: accepted
// primitive: C++20 std::binary_semaphore (Downey 5.1.2)
//
// Why it is correct: the savages' mutex guards `servings`. A savage that finds the pot empty
// keeps holding the mutex while it signals emptyPot and waits for fullPot, so no other savage can
// look at the pot meanwhile: one emptying, one request, one refill. The cook sleeps on emptyPot,
// fills the pot and signals fullPot; the savage then sets servings and takes its serving, still
// under the mutex, so no savage ever takes from an empty pot and the cook only fills an empty
// one. The semaphores keep their counts, so a signal that comes before the wait is not lost; the
// cook takes no lock, so the savage waiting while holding the mutex cannot deadlock with it.
// close() is called after every meal, when no savage holds the mutex.
#include <semaphore>

class DiningSavages {
    const int m;
    mutex mu;                       // guards servings; held by a savage across a refill
    int servings = 0;               // guarded by mu
    binary_semaphore emptyPot{0};   // a savage found the pot empty (or close() was called)
    binary_semaphore fullPot{0};    // the cook has filled the pot
    atomic<bool> closed{false};     // set by close() before it signals emptyPot

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        lock_guard<mutex> lock(mu);
        if (servings == 0) {
            emptyPot.release();
            fullPot.acquire();
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
            fullPot.release();
        }
    }

    void close() {
        closed.store(true);
        emptyPot.release();
    }
};
