// expect: wrong_answer
// The pusher logic with the wrong smoker: when the second ingredient of a pair arrives, it wakes
// the smoker who *has* that ingredient instead of the one who lacks both.
#include <semaphore>

class SmokersTable {
    mutex m;
    bool onTable[3] = {};
    bool closed = false;
    binary_semaphore smokerSem[3] = {binary_semaphore{0}, binary_semaphore{0},
                                     binary_semaphore{0}};

public:
    SmokersTable() {}

    void put(int ingredient) {
        lock_guard<mutex> lock(m);
        for (int other = 0; other < 3; ++other) {
            if (other != ingredient && onTable[other]) {
                onTable[other] = false;
                smokerSem[ingredient].release();
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
