// expect: accepted
// primitive: std::mutex + std::condition_variable
//
// Why it is correct: the table is guarded by the mutex. A smoker waits until both ingredients it
// lacks are on the table (or the day is over) and takes both in the same critical section in
// which it saw them, so no smoker ever holds one ingredient of a pair: there is nothing to hold
// while waiting, hence no deadlock. Only the smoker that lacks both can see both. put() never
// waits; it notifies every smoker after changing the table, and every wait re-checks its
// predicate under the mutex, so neither a notify before the wait nor a spurious wakeup matters.
class SmokersTable {
    mutex m;                     // guards onTable and closed
    condition_variable changed;  // notified when the table changes or the day ends
    bool onTable[3] = {};        // guarded by m
    bool closed = false;         // guarded by m

public:
    SmokersTable() {}

    void put(int ingredient) {
        lock_guard<mutex> lock(m);
        onTable[ingredient] = true;
        changed.notify_all();
    }

    void smoker(int has, function<void()> smoke) {
        const int x = (has + 1) % 3, y = (has + 2) % 3;  // what this smoker lacks
        for (;;) {
            {
                unique_lock<mutex> lock(m);
                changed.wait(lock, [&] { return closed || (onTable[x] && onTable[y]); });
                if (closed) return;
                onTable[x] = onTable[y] = false;
            }
            smoke();
        }
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        changed.notify_all();
    }
};
