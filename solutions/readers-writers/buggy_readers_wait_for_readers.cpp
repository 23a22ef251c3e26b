// expect: not_concurrent
// The writer-preference monitor, but a reader also waits until no other reader is inside: it
// treats a read like a write. Safe and writer-preferring, yet reads never overlap, which is what
// a readers-writers lock is for. cj sees it in the explore mode, where it can tell that a reader
// is kept out while another reads and no writer is anywhere; plain stress cannot.
class ReadersWriters {
    mutex m;
    condition_variable cv;
    int readers = 0;
    bool writing = false;
    int waitingWriters = 0;

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [&] { return !writing && waitingWriters == 0 && readers == 0; });
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
