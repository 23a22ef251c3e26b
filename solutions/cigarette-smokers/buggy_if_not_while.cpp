// expect: wrong_answer
// One condition variable per smoker, notified only when that smoker's pair is complete, but the
// smoker waits with `if` instead of `while`: a spurious wakeup, which the standard allows, sends
// it to smoke with nothing on the table. Linux condition variables rarely wake spuriously, so
// plain stress passes it; the explore mode injects spurious wakeups and catches it.
class SmokersTable {
    mutex m;
    condition_variable canSmoke[3];
    bool onTable[3] = {};
    bool closed = false;

public:
    SmokersTable() {}

    void put(int ingredient) {
        lock_guard<mutex> lock(m);
        onTable[ingredient] = true;
        for (int s = 0; s < 3; ++s)
            if (onTable[(s + 1) % 3] && onTable[(s + 2) % 3]) canSmoke[s].notify_one();
    }

    void smoker(int has, function<void()> smoke) {
        const int x = (has + 1) % 3, y = (has + 2) % 3;
        for (;;) {
            {
                unique_lock<mutex> lock(m);
                if (!closed && !(onTable[x] && onTable[y])) canSmoke[has].wait(lock);
                if (closed) return;
                onTable[x] = onTable[y] = false;
            }
            smoke();
        }
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        for (auto& c : canSmoke) c.notify_all();
    }
};
