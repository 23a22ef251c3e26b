// expect: accepted
// primitive: C++20 std::binary_semaphore (Downey's pushers, run inside put())
//
// Why it is correct: put() does what Downey's pusher threads do. Under the mutex it looks at what
// is already on the table: if the other ingredient of a pair is there, it takes it off and wakes
// the one smoker who lacks both; otherwise it leaves its own ingredient on the table. A smoker
// sleeps on its own semaphore and never touches an ingredient, so no smoker can hold half a
// pair. put() never waits for anyone (the mutex is only held for a few instructions). close()
// releases every smoker's semaphore once; a smoker woken then sees `closed` and returns.
// Semaphores keep their counts, so a release that comes before the acquire is not lost.
#include <semaphore>

class SmokersTable {
    mutex m;                     // guards onTable and closed
    bool onTable[3] = {};        // guarded by m: an ingredient waiting for its partner
    bool closed = false;         // guarded by m
    binary_semaphore smokerSem[3] = {binary_semaphore{0}, binary_semaphore{0},
                                     binary_semaphore{0}};  // smoker i may smoke

public:
    SmokersTable() {}

    void put(int ingredient) {
        lock_guard<mutex> lock(m);
        for (int other = 0; other < 3; ++other) {
            if (other != ingredient && onTable[other]) {
                onTable[other] = false;
                smokerSem[3 - ingredient - other].release();
                return;
            }
        }
        onTable[ingredient] = true;
    }

    void smoker(int has, function<void()> smoke) {
        for (;;) {
            smokerSem[has].acquire();
            {
                lock_guard<mutex> lock(m);
                if (closed) return;
            }
            smoke();
        }
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        for (auto& s : smokerSem) s.release();
    }
};
