// expect: wrong_answer
// Downey's first readers-writers solution (4.2.2, a lightswitch on roomEmpty): correct mutual
// exclusion, but readers keep coming in while a writer waits, so a stream of readers can starve
// the writer forever. cj catches it only in the explore mode, which can show a reader arriving
// after a writer is provably waiting; plain stress has no way to tell.
#include <semaphore>

class ReadersWriters {
    mutex m;                        // guards readers
    int readers = 0;                // guarded by m
    binary_semaphore roomEmpty{1};  // held by the readers as a group, or by one writer

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        {
            lock_guard<mutex> lock(m);
            if (++readers == 1) roomEmpty.acquire();
        }
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
        lock_guard<mutex> lock(m);
        if (--readers == 0) roomEmpty.release();
    }

    void write(function<void()> writeRecord) {
        roomEmpty.acquire();
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
        roomEmpty.release();
    }
};
