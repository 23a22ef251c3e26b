// expect: accepted
// measured cost: about 0.4x its raw futex (atomic wait) ping-pong (4600 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::atomic<int> with C++20 wait / notify_all
//
// Why it is correct: `stage` says which method may print next (1, 2 or 3). A method that must
// wait calls stage.wait(old) in a loop: wait() returns only once the value differs from `old`
// (it re-checks the value itself, so a spurious or stale wakeup just loops), and the loop then
// checks that the new value is the one it needs. The printing method advances `stage` with a
// release store *before* notify_all, and a waiter re-reads the value before it sleeps, so a
// notify can never fall between the waiter's check and its sleep: no lost wakeup. The acquire
// load in the waiter pairs with the release store, so the previous print happens before the next
// one. first() waits for nothing, so the chain always completes: no deadlock.
class Foo {
    atomic<int> stage{1};  // itself the synchronisation: 1 first may print, 2 second, 3 third

    void waitFor(int wanted) {
        for (int seen = stage.load(memory_order_acquire); seen != wanted;
             seen = stage.load(memory_order_acquire))
            stage.wait(seen, memory_order_acquire);
    }

    void advanceTo(int next) {
        stage.store(next, memory_order_release);
        stage.notify_all();
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
