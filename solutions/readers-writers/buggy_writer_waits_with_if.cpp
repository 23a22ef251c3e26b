// expect: wrong_answer
// The writer-preference monitor with `if` where `while` belongs: a writer woken by notify_all (or
// spuriously) goes in without re-checking, while readers or another writer are inside.
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
            while (writing || waitingWriters > 0) cv.wait(lock);
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
            if (writing || readers > 0) cv.wait(lock);
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
