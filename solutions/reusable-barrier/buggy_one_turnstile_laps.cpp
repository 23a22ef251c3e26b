// expect: wrong_answer
// Downey's "reusable barrier non-solution #2" (3.7.3): one turnstile, opened by the last arrival
// and closed again by the last to leave. Between the two, the turnstile is open, and a thread
// that has left can run around into the next round and pass it again before the others have
// even arrived there.
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
