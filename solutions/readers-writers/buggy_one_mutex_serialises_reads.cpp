// expect: not_concurrent
// Safe and fair, but one mutex around every call makes readers wait for each other: reads never
// overlap, which is what the readers-writers lock is for.
class ReadersWriters {
    mutex m;

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        lock_guard<mutex> lock(m);
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
    }

    void write(function<void()> writeRecord) {
        lock_guard<mutex> lock(m);
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
    }
};
