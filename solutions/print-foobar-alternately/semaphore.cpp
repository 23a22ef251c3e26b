// expect: accepted
// measured cost: about 2x its raw futex (atomic wait) ping-pong (24800 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: C++20 std::binary_semaphore
//
// Why it is correct: the two semaphores pass one token back and forth. `fooAllowed` starts at 1
// and `barAllowed` at 0, and each method takes its own token before printing and hands one to
// the other method after printing, so at any moment exactly one token exists (counts sum to at
// most 1, never above the binary limit) and the words alternate starting with "foo". A release
// is remembered by the semaphore until it is acquired, so it cannot be lost if the other thread
// is not waiting yet. Each thread prints n times and each of its releases lets the other print
// once, so neither waits for a token that never comes: no deadlock.
#include <semaphore>

class FooBar {
private:
    int n;
    binary_semaphore fooAllowed{1};  // the token for foo(): acquired by foo(), released by bar()
    binary_semaphore barAllowed{0};  // the token for bar(): acquired by bar(), released by foo()

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            fooAllowed.acquire();
            // printFoo() outputs "foo". Do not change or remove this line.
            printFoo();
            barAllowed.release();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            barAllowed.acquire();
            // printBar() outputs "bar". Do not change or remove this line.
            printBar();
            fooAllowed.release();
        }
    }
};
