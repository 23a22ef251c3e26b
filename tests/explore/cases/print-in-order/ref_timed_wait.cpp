// expect: accepted
// primitive: std::condition_variable::wait_for with a predicate
//
// Why it is correct: the predicate form of wait_for re-checks `stage` under `m` after every
// wakeup and every timeout, and the loop around it waits again when the time ran out, so
// neither a timeout nor a spurious wakeup lets a method print early.
class Foo {
    mutex m;                // guards stage
    condition_variable cv;  // notified whenever stage advances
    int stage = 1;

    void await(unique_lock<mutex>& lock, int mine) {
        while (!cv.wait_for(lock, chrono::milliseconds(5), [&] { return stage == mine; })) {
        }
    }

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
        await(lock, 2);
        printSecond();
        stage = 3;
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        await(lock, 3);
        printThird();
    }
};
