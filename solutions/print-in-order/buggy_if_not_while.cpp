// expect: rejected
// bug: `if` instead of `while` around the condition-variable wait. All three methods share one
// condition variable and first() wakes every waiter with notify_all; a third() that is already
// waiting wakes up, does not re-check the stage, and prints "third" before "second". Stress
// catches it whenever third() starts waiting before first() has printed.
// Labelled `rejected`, not `wrong_answer`: the same missing re-check also shows as a deadlock.
// Explore found (CI, seed 401763580, random@1) second() woken spuriously at the start, printing
// first and notifying nobody; third() then waits for a notify that never comes. Both verdicts
// are the one bug.
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
        unique_lock<mutex> lock(m);
        if (stage != 2) cv.wait(lock);
        printSecond();
        stage = 3;
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        if (stage != 3) cv.wait(lock);  // woken by first()'s notify_all, goes on at stage 2
        printThird();
    }
};
