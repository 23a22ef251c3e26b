// expect: wrong_answer
// bug: the wait is an `if`, not a loop. Every print ends with notify_all, which wakes both other
// threads; the one whose turn it is not goes on anyway and prints out of turn (even() printing
// "1" where a zero belongs, say). The run still ends: every print advances `printed`, the
// thread whose turn it is never sleeps through its turn (it checks before waiting, and any
// later advance wakes it), and a thread that finds all 2n prints done returns.
class ZeroEvenOdd {
private:
    int n;
    mutex m;
    condition_variable cv;
    int printed = 0;  // prints so far; zero() owns the even counts, the number threads the odd

    // 0 for zero(), 1 for odd(), 2 for even(): whose print is due.
    int due() const {
        if (printed % 2 == 0) return 0;
        return (printed / 2 + 1) % 2 == 1 ? 1 : 2;
    }

    void play(int me, const function<void(int)>& printNumber) {
        for (;;) {
            unique_lock<mutex> lock(m);
            if (printed < 2 * n && due() != me) cv.wait(lock);  // the bug: `if`, not `while`
            if (printed >= 2 * n) return;
            printNumber(me == 0 ? 0 : printed / 2 + 1);
            ++printed;
            lock.unlock();
            cv.notify_all();
        }
    }

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        play(0, printNumber);
    }

    void even(function<void(int)> printNumber) {
        play(2, printNumber);
    }

    void odd(function<void(int)> printNumber) {
        play(1, printNumber);
    }
};
