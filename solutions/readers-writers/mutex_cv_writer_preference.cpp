// expect: accepted
// primitive: std::mutex + std::condition_variable (writer preference)
//
// Why it is correct: all state changes happen under one mutex, and every wait re-checks its
// predicate under it after each wakeup. A reader enters only when nobody writes and no writer
// waits; a writer announces itself (waitingWriters) before it waits, and enters only when nobody
// reads or writes, so a writer is always alone, readers share freely when no writer is around,
// and a reader that comes after a waiting writer waits for it. Every change that can make a
// predicate true (the last reader leaving, a writer leaving) is followed by notify_all, so no
// wakeup is lost. No deadlock: a waiting reader waits for writers that will finish, and a writer
// waits for readers already inside, who never wait again before leaving.
class ReadersWriters {
    mutex m;                 // guards readers, writing and waitingWriters
    condition_variable cv;   // notified when the room empties or a writer leaves
    int readers = 0;         // guarded by m: readers reading
    bool writing = false;    // guarded by m: a writer is writing
    int waitingWriters = 0;  // guarded by m: writers that called write() and wait to enter

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [&] { return !writing && waitingWriters == 0; });
            ++readers;
        }
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
        lock_guard<mutex> lock(m);
        if (--readers == 0) cv.notify_all();
    }

    void write(function<void()> writeRecord) {
        {
            unique_lock<mutex> lock(m);
            ++waitingWriters;
            cv.wait(lock, [&] { return !writing && readers == 0; });
            --waitingWriters;
            writing = true;
        }
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
        lock_guard<mutex> lock(m);
        writing = false;
        cv.notify_all();
    }
};
