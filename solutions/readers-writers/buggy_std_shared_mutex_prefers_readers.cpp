// expect: wrong_answer
// std::shared_mutex: safe, but on glibc it is a pthread rwlock of the default kind, which lets
// new readers in while a writer waits (PTHREAD_RWLOCK_PREFER_READER_NP): no writer preference.
class ReadersWriters {
    shared_mutex rw;

public:
    ReadersWriters() {}

    void read(function<void()> readRecord) {
        shared_lock<shared_mutex> lock(rw);
        // readRecord() reads the shared record. Do not change or remove this line.
        readRecord();
    }

    void write(function<void()> writeRecord) {
        unique_lock<shared_mutex> lock(rw);
        // writeRecord() writes the shared record. Do not change or remove this line.
        writeRecord();
    }
};
