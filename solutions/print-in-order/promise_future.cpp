// expect: accepted
// measured cost: about 0.8x its raw futex (atomic wait) ping-pong (9295 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::promise<void> / std::future<void>
//
// Why it is correct: a promise is a one-shot event that keeps its state, so it does not matter
// whether the waiter calls get() before or after the other thread calls set_value(). Both
// futures are taken from their promises in the constructor, before any thread runs, so each
// thread afterwards touches only its own end: first() sets `firstDone`, second() waits on
// `firstDoneFuture` and sets `secondDone`, third() waits on `secondDoneFuture`. set_value()
// happens before the matching get() returns, so the prints are ordered. Each promise is set
// exactly once by a thread that waits for nothing after it (first() waits for nothing at all),
// so every get() eventually returns: no deadlock, no lost wakeup.
class Foo {
    promise<void> firstDone;          // set once by first()
    promise<void> secondDone;         // set once by second()
    future<void> firstDoneFuture;     // waited on once by second()
    future<void> secondDoneFuture;    // waited on once by third()

public:
    Foo() : firstDoneFuture(firstDone.get_future()), secondDoneFuture(secondDone.get_future()) {}

    void first(function<void()> printFirst) {
        // printFirst() outputs "first". Do not change or remove this line.
        printFirst();
        firstDone.set_value();
    }

    void second(function<void()> printSecond) {
        firstDoneFuture.get();
        // printSecond() outputs "second". Do not change or remove this line.
        printSecond();
        secondDone.set_value();
    }

    void third(function<void()> printThird) {
        secondDoneFuture.get();
        // printThird() outputs "third". Do not change or remove this line.
        printThird();
    }
};
