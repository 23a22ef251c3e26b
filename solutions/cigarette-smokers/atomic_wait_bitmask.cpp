// expect: accepted
// primitive: std::atomic with C++20 wait/notify (the table as a bit mask)
//
// Why it is correct: the table is one atomic word, one bit per ingredient plus a CLOSED bit. A
// smoker takes both of its ingredients with one compare-exchange from a value that holds both,
// so it never holds half a pair, and only the smoker lacking both can succeed. put() sets its bit
// with fetch_or and notifies; it never waits. A smoker sleeps in table.wait(seen) only while the
// word still equals what it saw, and every change is followed by notify_all, so no wakeup is lost.
class SmokersTable {
    static constexpr int CLOSED = 8;
    atomic<int> table{0};  // bit i: ingredient i is on the table; CLOSED: the day is over

public:
    SmokersTable() {}

    void put(int ingredient) {
        table.fetch_or(1 << ingredient);
        table.notify_all();
    }

    void smoker(int has, function<void()> smoke) {
        const int need = 7 & ~(1 << has);
        for (;;) {
            int seen = table.load();
            if (seen & CLOSED) return;
            if ((seen & need) == need) {
                if (table.compare_exchange_strong(seen, seen & ~need)) smoke();
                continue;
            }
            table.wait(seen);
        }
    }

    void close() {
        table.fetch_or(CLOSED);
        table.notify_all();
    }
};
