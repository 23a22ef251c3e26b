// expect: memory_limit
// hostile: allocates without end (256 MiB blocks it never frees). The address-space limit makes
// new throw std::bad_alloc. (Blocks it also touched would meet the cgroup's memory limit, which
// the kernel enforces by killing the process.)
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        vector<char*> kept;  // never freed
        while (true) kept.push_back(new char[256 << 20]);
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
