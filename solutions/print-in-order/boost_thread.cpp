// expect: accepted
// measured cost: about 0.7x its raw mutex + condition-variable ping-pong (20257 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: Boost.Thread boost::mutex + boost::condition_variable
//
// Why it is correct: `stage` says which method may print next and is only read or written while
// holding `m`. A waiting method checks it in a while loop around wait(), so a spurious wakeup or
// a notify_all meant for the other waiter sends it back to sleep. The method that advances the
// stage does so under `m` before it calls notify_all: a waiter either saw the new stage before
// sleeping, or was already asleep on `cv` (wait() releases `m` and starts sleeping as one step)
// and is woken. So no wakeup is lost, and since first() waits for nothing the stages always
// reach 3: no deadlock.
#include <boost/thread.hpp>

class Foo {
    boost::mutex m;                  // guards stage
    boost::condition_variable cv;    // notified whenever stage advances
    int stage = 1;                   // 1: first may print, 2: second may, 3: third may

    void advanceTo(int next) {
        {
            boost::lock_guard<boost::mutex> lock(m);
            stage = next;
        }
        cv.notify_all();
    }

    void waitFor(int wanted) {
        boost::unique_lock<boost::mutex> lock(m);
        while (stage != wanted) cv.wait(lock);
    }

public:
    Foo() {}

    void first(function<void()> printFirst) {
        // printFirst() outputs "first". Do not change or remove this line.
        printFirst();
        advanceTo(2);
    }

    void second(function<void()> printSecond) {
        waitFor(2);
        // printSecond() outputs "second". Do not change or remove this line.
        printSecond();
        advanceTo(3);
    }

    void third(function<void()> printThird) {
        waitFor(3);
        // printThird() outputs "third". Do not change or remove this line.
        printThird();
    }
};
