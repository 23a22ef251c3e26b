// expect: accepted
// primitive: boost::mutex + boost::condition_variable
//
// Why it is correct: `stage` is only read and written under `m`; waiters re-check it in a loop,
// so spurious wakeups and notifies meant for the other waiter are harmless, and each change is
// made under the lock before notify_all, so no wakeup is lost.
#include <boost/thread.hpp>

class Foo {
    boost::mutex m;                 // guards stage
    boost::condition_variable cv;   // notified whenever stage advances
    int stage = 1;

    void advance(int next) {
        {
            boost::lock_guard<boost::mutex> lock(m);
            stage = next;
        }
        cv.notify_all();
    }

    void await(int mine) {
        boost::unique_lock<boost::mutex> lock(m);
        while (stage != mine) cv.wait(lock);
    }

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        advance(2);
    }

    void second(function<void()> printSecond) {
        await(2);
        printSecond();
        advance(3);
    }

    void third(function<void()> printThird) {
        await(3);
        printThird();
    }
};
