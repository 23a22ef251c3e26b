// expect: accepted
// measured cost: about 1.5x its raw futex (atomic wait) ping-pong (17224 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: C++20 std::binary_semaphore
//
// Why it is correct: each thread has a semaphore that holds its permission to print, and at any
// moment exactly one of the three holds a permit (zeroGo starts at 1, the others at 0). A thread
// acquires its own permit, prints, then releases exactly one other: zero() hands to odd() when
// the next number is odd and to even() when it is even; they hand back to zero(). So the prints
// follow a single token and cannot interleave. A release is counted by the semaphore even if the
// receiver is not waiting yet, so no wakeup can be lost, and the loop bounds match the
// hand-offs (zero() releases odd() (n+1)/2 times and even() n/2 times, exactly the number of
// acquires in their loops), so every thread returns.
#include <semaphore>

class ZeroEvenOdd {
private:
    int n;
    // Each semaphore is its own synchronisation; no other shared state.
    binary_semaphore zeroGo{1};  // permit for zero()
    binary_semaphore oddGo{0};   // permit for odd()
    binary_semaphore evenGo{0};  // permit for even()

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            zeroGo.acquire();
            printNumber(0);
            if (i % 2 == 1)
                oddGo.release();
            else
                evenGo.release();
        }
    }

    void even(function<void(int)> printNumber) {
        for (int i = 2; i <= n; i += 2) {
            evenGo.acquire();
            printNumber(i);
            zeroGo.release();
        }
    }

    void odd(function<void(int)> printNumber) {
        for (int i = 1; i <= n; i += 2) {
            oddGo.acquire();
            printNumber(i);
            zeroGo.release();
        }
    }
};
