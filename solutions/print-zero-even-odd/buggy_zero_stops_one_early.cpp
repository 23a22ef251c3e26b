// expect: deadlock
// bug: zero()'s loop runs n - 1 times (`i < n`), so the zero before n is never printed and the
// thread that owes n (odd() or even()) waits on its semaphore forever; zero() and the other
// thread return, and nothing is left to release it.
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
        for (int i = 1; i < n; ++i) {
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
