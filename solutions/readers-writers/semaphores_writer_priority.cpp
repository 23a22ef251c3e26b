// expect: accepted
// primitive: C++20 std::binary_semaphore + std::mutex lightswitches (Downey 4.2.6, writer
// priority)
//
// Why it is correct: noWriters is held by the readers as a group (the first reader in takes it,
// the last out gives it back) or by one writer, so a writer is alone. noReaders is held by the
// writers as a group the same way, and a reader needs it for a moment to get in: once one writer
// is waiting, it holds noReaders, and every reader that arrives after it waits until the last
// writer has left. Each lightswitch counter is guarded by its own mutex, and the semaphores keep
// their count, so a release that comes before the acquire is not lost. No deadlock: a reader
// holds noReaders only while it takes noWriters through the switch, and a writer takes
// noReaders before noWriters, so the two are always taken in the same order.
#include <semaphore>

class Lightswitch {
    mutex m;          // guards count
    int count = 0;    // guarded by m: threads of this kind inside

public:
    void lock(binary_semaphore& room) {
        lock_guard<mutex> guard(m);
        if (++count == 1) room.acquire();
    }
    void unlock(binary_semaphore& room) {
        lock_guard<mutex> guard(m);
        if (--count == 0) room.release();
    }
};

class ReadersWriters {
    binary_semaphore noReaders{1};  // held by the writers as a group: readers may not enter
    binary_semaphore noWriters{1};  // held by the readers as a group, or by one writer
    Lightswitch readSwitch, writeSwitch;

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        noReaders.acquire();
        readSwitch.lock(noWriters);
        noReaders.release();
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
        readSwitch.unlock(noWriters);
    }

    void write(function<void()> writeRecord) {
        writeSwitch.lock(noReaders);
        noWriters.acquire();
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
        noWriters.release();
        writeSwitch.unlock(noReaders);
    }
};
