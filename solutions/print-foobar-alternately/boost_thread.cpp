// expect: accepted
// measured cost: about 2x its raw mutex + condition-variable ping-pong (49785 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: Boost.Thread boost::mutex + boost::condition_variable
//
// Why it is correct: `fooTurn` says whose word comes next and is only read or written while
// holding `m`. Each method waits in a while loop around wait(), so a spurious wakeup sends it
// back to sleep. A method flips the flag under `m` and then notifies: the other thread either
// saw the flipped flag before it slept, or is already asleep on `cv` (wait() releases `m` and
// sleeps as one step) and is woken, so no wakeup is lost. The print itself happens outside the
// lock, but only the thread whose turn it is prints, and it passes the turn only afterwards, so
// the unlock/lock on `m` orders each print before the next. The flag starts true, so foo() can
// always make the first move, and each flip hands the turn to a thread that still has a word to
// print: no deadlock.
#include <boost/thread.hpp>

class FooBar {
private:
    int n;
    boost::mutex m;                // guards fooTurn
    boost::condition_variable cv;  // notified whenever fooTurn flips
    bool fooTurn = true;           // guarded by m: true when "foo" is next

    void waitForTurn(bool mine) {
        boost::unique_lock<boost::mutex> lock(m);
        while (fooTurn != mine) cv.wait(lock);
    }

    void passTurn(bool next) {
        {
            boost::lock_guard<boost::mutex> lock(m);
            fooTurn = next;
        }
        cv.notify_one();
    }

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            waitForTurn(true);
            // printFoo() outputs "foo". Do not change or remove this line.
            printFoo();
            passTurn(false);
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            waitForTurn(false);
            // printBar() outputs "bar". Do not change or remove this line.
            printBar();
            passTurn(true);
        }
    }
};
