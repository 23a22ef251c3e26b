// expect: runtime_error
// bug: second() throws while holding the mutex it locked by hand, so the exception escapes the
// method and the lock is never released; third() then waits for it forever. The escaped
// exception is the cause and is reported first.
class Foo {
    mutex m;
    condition_variable cv;
    int stage = 1;  // guarded by m

public:
    Foo() {}

    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        stage = 2;
        cv.notify_all();
    }

    void second(function<void()> printSecond) {
        m.lock();
        printSecond();
        if (stage != 3) throw runtime_error("stage is not 3 yet");
        m.unlock();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 3; });
        printThird();
    }
};
