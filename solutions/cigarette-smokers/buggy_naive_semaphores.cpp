// expect: deadlock
// Downey's naive solution (4.5.2): each smoker waits on the semaphores of the two ingredients it
// lacks, one after the other. With tobacco and paper on the table, the paper smoker can take the
// tobacco and the tobacco smoker the paper; each then waits for matches that never come, and the
// matches smoker waits for the tobacco that is gone.
#include <semaphore>

class SmokersTable {
    mutex m;
    bool closed = false;
    counting_semaphore<> ingredient[3] = {counting_semaphore<>{0}, counting_semaphore<>{0},
                                          counting_semaphore<>{0}};

public:
    SmokersTable() {}

    void put(int i) { ingredient[i].release(); }

    void smoker(int has, function<void()> smoke) {
        for (;;) {
            ingredient[(has + 1) % 3].acquire();
            ingredient[(has + 2) % 3].acquire();
            {
                lock_guard<mutex> lock(m);
                if (closed) return;
            }
            smoke();
        }
    }

    void close() {
        {
            lock_guard<mutex> lock(m);
            closed = true;
        }
        for (auto& s : ingredient) s.release(2);
    }
};
