// expect: deadlock
// bug: deadlock. second() takes the mutex "so that nobody prints meanwhile" and then waits for
// first()'s semaphore while still holding it; first() needs the same mutex before it can print
// and release that semaphore. Whenever second() gets the mutex first, each waits for the other.
#include <semaphore>

class Foo {
    mutex m;
    binary_semaphore firstDone{0}, secondDone{0};

public:
    Foo() {}

    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        firstDone.release();
    }

    void second(function<void()> printSecond) {
        lock_guard<mutex> lock(m);
        firstDone.acquire();  // sleeps holding m, which first() needs
        printSecond();
        secondDone.release();
    }

    void third(function<void()> printThird) {
        secondDone.acquire();
        printThird();
    }
};
