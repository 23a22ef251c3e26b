// expect: accepted
// measured cost: about 0.8x its raw mutex + condition-variable ping-pong (22527 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: boost::mutex + boost::condition_variable (one condition per thread)
//
// Why it is correct: `turn` names the one thread allowed to print and is only touched under
// `m`; each number thread knows its own numbers from its loop. Each thread sleeps on its own
// condition variable, so the thread that hands over the turn can wake exactly the receiver with
// notify_one. The receiver re-checks `turn` in a loop, so a spurious wakeup is harmless. The turn
// changes under the lock and the notify follows it, so the receiver either sees its turn before
// sleeping or is already asleep on its own condition and gets the notify: no lost wakeup. zero()
// hands over n times and the number threads hand back n times in all, matching their loops, so
// no thread waits for a turn that never comes.
#include <boost/thread.hpp>

class ZeroEvenOdd {
private:
    enum Turn { ZERO, ODD, EVEN };

    int n;
    boost::mutex m;                   // guards turn
    boost::condition_variable zeroCv; // zero() waits here for turn == ZERO
    boost::condition_variable oddCv;  // odd() waits here for turn == ODD
    boost::condition_variable evenCv; // even() waits here for turn == EVEN
    Turn turn = ZERO;                 // guarded by m: the thread allowed to print next

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            boost::unique_lock<boost::mutex> lock(m);
            while (turn != ZERO) zeroCv.wait(lock);
            printNumber(0);
            if (i % 2 == 1) {
                turn = ODD;
                lock.unlock();
                oddCv.notify_one();
            } else {
                turn = EVEN;
                lock.unlock();
                evenCv.notify_one();
            }
        }
    }

    void even(function<void(int)> printNumber) {
        for (int i = 2; i <= n; i += 2) take(EVEN, evenCv, i, printNumber);
    }

    void odd(function<void(int)> printNumber) {
        for (int i = 1; i <= n; i += 2) take(ODD, oddCv, i, printNumber);
    }

private:
    void take(Turn mine, boost::condition_variable& cv, int i,
              const function<void(int)>& printNumber) {
        boost::unique_lock<boost::mutex> lock(m);
        while (turn != mine) cv.wait(lock);
        printNumber(i);
        turn = ZERO;
        lock.unlock();
        zeroCv.notify_one();
    }
};
