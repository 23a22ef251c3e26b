// expect: wrong_answer or deadlock
// Downey's "reusable barrier non-solution #2" (3.7.3): one turnstile, opened by the last arrival
// and closed again by the last to leave. Between the two, the turnstile is open, and a thread
// that has left can run around into the next round and pass it again before the others have
// even arrived there (wrong_answer: it left round r+1 early). The same lap can also end in a
// deadlock, whichever the schedule shows first: the lapping thread's arrival counts into the
// round the others are still leaving, so the last to leave is not the one that closes the
// turnstile, the count never falls back to 0 or climbs to n again, and every thread ends up
// waiting at the closed turnstile (explore found it: "all 3 threads had arrived at round 3 but
// only 1 had left it").
#include <semaphore>

class ReusableBarrier {
    const int n;
    mutex m;
    int count = 0;
    counting_semaphore<> turnstile{0};

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        {
            lock_guard<mutex> lock(m);
            if (++count == n) turnstile.release();
        }
        turnstile.acquire();
        turnstile.release();
        {
            lock_guard<mutex> lock(m);
            if (--count == 0) turnstile.acquire();
        }
    }
};
