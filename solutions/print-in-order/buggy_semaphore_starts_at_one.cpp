// expect: wrong_answer
// bug: the semaphores start at 1 instead of 0, so second() and third() do not wait for anything
// and print as soon as their threads run.
#include <semaphore>

class Foo {
    binary_semaphore firstDone{1}, secondDone{1};  // should be {0}

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        firstDone.release();
    }

    void second(function<void()> printSecond) {
        firstDone.acquire();
        printSecond();
        secondDone.release();
    }

    void third(function<void()> printThird) {
        secondDone.acquire();
        printThird();
    }
};
