// expect: leaked_thread
// hostile: starts a detached thread that runs forever.
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        thread([] { while (true) this_thread::sleep_for(chrono::milliseconds(1)); }).detach();
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
