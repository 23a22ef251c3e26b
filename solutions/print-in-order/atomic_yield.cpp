// expect: accepted
// measured cost: about 0.4x its raw futex (atomic wait) ping-pong (4769 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::atomic<int> polled in a loop that yields the CPU
//
// Why it is correct: `stage` says which method may print next. A waiting method re-reads it with
// an acquire load on every turn of its loop, so it sees the release store of the method before
// it as soon as that store happens (there is no wakeup to lose: nobody sleeps), and everything
// that method printed happens before what the waiter prints next. first() waits for nothing, so
// stage always reaches 3: no deadlock. The loop calls this_thread::yield() so that on a busy
// machine the thread it waits for gets the CPU; still, a waiter burns CPU time while it waits,
// which is why the blocking versions (semaphore.cpp, atomic_wait.cpp) are the better answers.
class Foo {
    atomic<int> stage{1};  // itself the synchronisation: 1 first may print, 2 second, 3 third

    void waitFor(int wanted) {
        while (stage.load(memory_order_acquire) != wanted) this_thread::yield();
    }

public:
    Foo() {}

    void first(function<void()> printFirst) {
        // printFirst() outputs "first". Do not change or remove this line.
        printFirst();
        stage.store(2, memory_order_release);
    }

    void second(function<void()> printSecond) {
        waitFor(2);
        // printSecond() outputs "second". Do not change or remove this line.
        printSecond();
        stage.store(3, memory_order_release);
    }

    void third(function<void()> printThird) {
        waitFor(3);
        // printThird() outputs "third". Do not change or remove this line.
        printThird();
    }
};
