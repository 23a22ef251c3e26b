// expect: accepted
// measured cost: about 0.9x its raw futex (atomic wait) ping-pong (9871 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: C++20 std::binary_semaphore
//
// Why it is correct: a semaphore remembers a release that nobody is waiting for yet, so the
// order in which the threads arrive does not matter. Both semaphores start at 0: second() can
// only pass its acquire() after first() has printed and released `firstDone`, and third() only
// after second() has printed and released `secondDone`. Each semaphore is released exactly once
// and acquired exactly once, so its count never exceeds 1 (the limit of a binary semaphore).
// There is no lost wakeup (the count is the state) and no deadlock (first() waits for nothing,
// and every acquire is matched by a release made by a thread that waits for nothing later).
#include <semaphore>

class Foo {
    binary_semaphore firstDone{0};   // released once by first(), acquired once by second()
    binary_semaphore secondDone{0};  // released once by second(), acquired once by third()

public:
    Foo() {}

    void first(function<void()> printFirst) {
        // printFirst() outputs "first". Do not change or remove this line.
        printFirst();
        firstDone.release();
    }

    void second(function<void()> printSecond) {
        firstDone.acquire();
        // printSecond() outputs "second". Do not change or remove this line.
        printSecond();
        secondDone.release();
    }

    void third(function<void()> printThird) {
        secondDone.acquire();
        // printThird() outputs "third". Do not change or remove this line.
        printThird();
    }
};
