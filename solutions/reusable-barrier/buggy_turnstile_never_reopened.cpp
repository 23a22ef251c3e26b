// expect: deadlock
// Downey's "barrier non-solution" (3.6.3): the last arrival signals the turnstile once, and the
// thread that passes it does not signal it again for the next one, so with two or more threads
// all but one wait at the turnstile forever.
#include <semaphore>

class ReusableBarrier {
    const int n;
    mutex m;
    int count = 0;
    counting_semaphore<> turnstile{0};

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        bool last;
        {
            lock_guard<mutex> lock(m);
            last = ++count == n;
            if (last) count = 0;
        }
        if (last) turnstile.release();
        turnstile.acquire();
    }
};
