// expect: rejected
// explore-expect: wrong_answer
// bug: odd() and even() wait with `if` instead of `while`. zero() wakes every waiter with
// notify_all, so when it hands the turn to odd(), a waiting even() wakes as well and prints
// without re-checking that the turn is its own. Stress finds the wrong print reliably, but the
// verdict is not fixed: after the wrong print a number thread may start waiting when nobody will
// notify again, so some runs end as a deadlock instead of a wrong answer. In every failing
// schedule the out-of-turn print comes first, which is what controlled exploration must report.
class ZeroEvenOdd {
private:
    int n;
    mutex m;
    condition_variable cv;
    bool zeroTurn = true;
    int next = 1;

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            unique_lock<mutex> lock(m);
            while (!zeroTurn) cv.wait(lock);
            printNumber(0);
            zeroTurn = false;
            lock.unlock();
            cv.notify_all();
        }
    }

    void even(function<void(int)> printNumber) {
        for (int i = 2; i <= n; i += 2) take(i, printNumber);
    }

    void odd(function<void(int)> printNumber) {
        for (int i = 1; i <= n; i += 2) take(i, printNumber);
    }

private:
    void take(int i, const function<void(int)>& printNumber) {
        unique_lock<mutex> lock(m);
        if (zeroTurn || next != i) cv.wait(lock);  // the bug: `if`, not `while`
        printNumber(i);
        ++next;
        zeroTurn = true;
        lock.unlock();
        cv.notify_all();
    }
};
