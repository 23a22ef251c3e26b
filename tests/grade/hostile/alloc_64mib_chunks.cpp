// expect: memory_limit
// hostile: allocates 64 MiB blocks without end and never frees them. Whichever mode runs it,
// the verdict is memory_limit: the address-space limit makes new throw std::bad_alloc, and a
// stall that follows the exhaustion is its symptom, not its cause.
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        vector<char*> kept;  // never freed
        while (true) kept.push_back(new char[64 << 20]);
        printFirst();
        {
            lock_guard<mutex> lock(m);
            stage = 2;
        }
        cv.notify_all();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 2; });
        printSecond();
        stage = 3;
        lock.unlock();
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 3; });
        printThird();
    }
};
