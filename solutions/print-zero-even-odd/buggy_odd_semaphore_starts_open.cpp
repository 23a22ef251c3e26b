// expect: wrong_answer
// bug: oddGo is initialised to 1 instead of 0, so odd() may print 1 before the first zero, and
// with its spare permit it stays one number ahead ("1 0 3 0 2 ..."). Every acquire still gets a
// permit in the end, so all three threads return; only the order is wrong. (Counting semaphores,
// because the spare permits would overflow a binary_semaphore, which is undefined behaviour.)
#include <semaphore>

class ZeroEvenOdd {
private:
    int n;
    counting_semaphore<> zeroGo{1};  // permits for zero()
    counting_semaphore<> oddGo{1};   // permits for odd(): should start at 0
    counting_semaphore<> evenGo{0};  // permits for even()

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
