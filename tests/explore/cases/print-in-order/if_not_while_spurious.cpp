// expect: wrong_answer
// bug: `if` instead of `while` around the waits. Each condition variable has a single waiter
// and every notify comes after the state change, so only a spurious wakeup breaks it: second()
// then prints before first() has.
class Foo {
    mutex m;                      // guards stage
    condition_variable cv2, cv3;  // second() waits on cv2, third() on cv3
    int stage = 1;

public:
    Foo() {}

    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        stage = 2;
        cv2.notify_one();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        if (stage != 2) cv2.wait(lock);
        printSecond();
        stage = 3;
        cv3.notify_one();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        if (stage != 3) cv3.wait(lock);
        printThird();
    }
};
