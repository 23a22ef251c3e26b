// expect: accepted
// primitive: std::atomic with C++20 wait/notify (writer preference)
//
// Why it is correct: state is the number of readers inside, or -1 while a writer writes; it only
// changes by compare-exchange from a value that allows the change (0 to -1 for a writer, n >= 0
// to n + 1 for a reader), so a writer is always alone. A writer raises waitingWriters before it
// waits and lowers it only after it has written; a reader that sees a waiting writer waits for
// waitingWriters to change, so readers that come after a waiting writer let it go first. Every
// change that can unblock a waiter (the last reader out, a writer out, the last waiting writer
// gone) is followed by notify_all on that word, and atomic::wait(old) sleeps only while the word
// still holds old, so no wakeup is lost.
class ReadersWriters {
    atomic<int> state{0};           // readers inside, or -1 while a writer writes
    atomic<int> waitingWriters{0};  // writers inside write() that have not finished writing

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        for (;;) {
            const int w = waitingWriters.load();
            if (w > 0) {
                waitingWriters.wait(w);
                continue;
            }
            int s = state.load();
            if (s < 0) {
                state.wait(s);
                continue;
            }
            if (state.compare_exchange_weak(s, s + 1)) break;
        }
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
        if (state.fetch_sub(1) == 1) state.notify_all();
    }

    void write(function<void()> writeRecord) {
        waitingWriters.fetch_add(1);
        for (;;) {
            int s = state.load();
            if (s != 0) {
                state.wait(s);
                continue;
            }
            if (state.compare_exchange_weak(s, -1)) break;
        }
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
        state.store(0);
        state.notify_all();
        if (waitingWriters.fetch_sub(1) == 1) waitingWriters.notify_all();
    }
};
