// expect: accepted
// primitive: std::binary_semaphore
//
// Why it is correct: `second_may` and `third_may` start at 0, so second() and third() block in
// acquire() until the previous method has printed and released them. A release that comes
// before the acquire is counted by the semaphore, so it cannot be lost.
#include <semaphore>

class Foo {
    binary_semaphore second_may{0};  // released by first() after it printed
    binary_semaphore third_may{0};   // released by second() after it printed

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        second_may.release();
    }

    void second(function<void()> printSecond) {
        second_may.acquire();
        printSecond();
        third_may.release();
    }

    void third(function<void()> printThird) {
        third_may.acquire();
        printThird();
    }
};
