// expect: wrong_answer
// bug: zero() releases one permit that odd() and even() both wait for, so after a zero either of
// them may take it: "0 2 0 1" is as possible as "0 1 0 2". The counts still balance (n releases,
// n acquires in all), so every thread returns and only the order is wrong.
#include <semaphore>

class ZeroEvenOdd {
private:
    int n;
    counting_semaphore<> zeroGo{1};
    counting_semaphore<> numberGo{0};  // shared by odd() and even(): the bug

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            zeroGo.acquire();
            printNumber(0);
            numberGo.release();
        }
    }

    void even(function<void(int)> printNumber) {
        for (int i = 2; i <= n; i += 2) {
            numberGo.acquire();
            printNumber(i);
            zeroGo.release();
        }
    }

    void odd(function<void(int)> printNumber) {
        for (int i = 1; i <= n; i += 2) {
            numberGo.acquire();
            printNumber(i);
            zeroGo.release();
        }
    }
};
