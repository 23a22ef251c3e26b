// expect: memory_limit
// hostile: allocates 64 MiB blocks without end, writes every byte of each and never frees
// them. Filling gigabytes is slow enough that the runners see a stall first; the verdict is
// still memory_limit in every mode (the stall is the symptom, the memory the cause).
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        vector<char*> kept;  // never freed
        while (true) { kept.push_back(new char[64 << 20]); memset(kept.back(), 1, 64 << 20); }
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
