// expect: rejected
// Safe, but one mutex around every call makes readers wait for each other: reads never overlap,
// which is what the readers-writers lock is for (not_concurrent). It has a second bug: when the
// reader inside lets go of the mutex, a reader that arrived after a waiting writer may get it
// first, which breaks writer preference (wrong_answer). Which of the two cj meets first depends
// on the schedules explored, so the label is "rejected".
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
