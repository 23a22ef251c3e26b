// expect: accepted
// measured cost: about 0.5x its raw mutex + condition-variable ping-pong (14712 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::mutex + std::condition_variable
//
// Why it is correct: `stage` says which method may print next and is only read or written under
// `m`. A waiting thread re-checks it in a loop (the predicate form of wait), so a spurious wakeup
// or a notify meant for the other waiter puts it back to sleep. Each stage change happens under
// the lock before notify_all, so a waiter either sees the new stage before it sleeps or is
// already asleep on `cv` and gets woken: no wakeup can be lost.
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    Foo() {}

    void first(function<void()> printFirst) {
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
