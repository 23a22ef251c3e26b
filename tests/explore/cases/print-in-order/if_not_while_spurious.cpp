// expect: wrong_answer
// bug: `if` instead of `while` around the waits. Each condition variable has a single waiter
// and every notify comes after its flag is set under the lock, so no wakeup is lost: only a
// spurious wakeup breaks it, and then second() (or third()) prints before its turn.
class Foo {
    mutex m;                      // guards done1 and done2
    condition_variable cv2, cv3;  // second() waits on cv2, third() on cv3
    bool done1 = false;           // first() has printed
    bool done2 = false;           // second() has printed

public:
    Foo() {}

    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        done1 = true;
        cv2.notify_one();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        if (!done1) cv2.wait(lock);
        printSecond();
        done2 = true;
        cv3.notify_one();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        if (!done2) cv3.wait(lock);
        printThird();
    }
};
