// expect: deadlock
// bug: the flags are set and notified without holding the mutex. second() can check `done1`
// (false), then first() sets it and notifies before second() waits: the notify is lost and
// second() sleeps forever, so third() does too. The window is a few instructions wide.
class Foo {
    mutex m;
    condition_variable cv;
    atomic<bool> done1{false};
    atomic<bool> done2{false};

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        done1 = true;
        cv.notify_all();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        while (!done1) cv.wait(lock);
        printSecond();
        done2 = true;
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        while (!done2) cv.wait(lock);
        printThird();
    }
};
