// expect: accepted
// measured cost: about 0.3x its raw futex (atomic wait) ping-pong (3932 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: C++20 std::latch
//
// Why it is correct: a latch is a counter that only goes down; wait() returns once it is zero and
// keeps returning at once from then on, so a waiter that arrives late does not miss anything.
// Each latch starts at 1 and is counted down exactly once, by the method whose print it
// announces, after that print. count_down() happens before the wait() that sees zero returns, so
// the prints are ordered. first() waits for nothing, so both latches always reach zero: no
// deadlock, no lost wakeup.
#include <latch>

class Foo {
    latch firstDone{1};   // counted down once by first(), waited on by second()
    latch secondDone{1};  // counted down once by second(), waited on by third()

public:
    Foo() {}

    void first(function<void()> printFirst) {
        // printFirst() outputs "first". Do not change or remove this line.
        printFirst();
        firstDone.count_down();
    }

    void second(function<void()> printSecond) {
        firstDone.wait();
        // printSecond() outputs "second". Do not change or remove this line.
        printSecond();
        secondDone.count_down();
    }

    void third(function<void()> printThird) {
        secondDone.wait();
        // printThird() outputs "third". Do not change or remove this line.
        printThird();
    }
};
