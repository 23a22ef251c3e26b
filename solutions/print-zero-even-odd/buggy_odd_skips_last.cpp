// expect: wrong_answer
// bug: odd()'s loop stops one short (`i < n`), so when n is odd the last number is never
// printed. zero() does not wait after its last hand-off, so nothing hangs: the output just ends
// with a zero (for n = 3 it is "01020", the final "3" never comes).
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
        for (int i = 1; i < n; i += 2) {
            oddGo.acquire();
            printNumber(i);
            zeroGo.release();
        }
    }
};
