// expect: accepted
// primitive: C++20 std::counting_semaphore (Downey's two preloaded turnstiles)
//
// Why it is correct: the count is changed only under the mutex. In phase one the last arrival
// opens the first turnstile for exactly n passes, so nobody passes before all n arrived, and the
// n passes are used by the n threads of this round. In phase two the last thread to leave phase
// one opens the second turnstile for n passes. A fast thread cannot lap: to reach the first
// turnstile of the next round it must pass the second turnstile, which opens only after all n
// threads have passed the first, so the first turnstile's n passes are all used up by then and
// it is closed again. Semaphores keep their count, so a release before the acquire is not lost.
#include <semaphore>

class ReusableBarrier {
    const int n;
    mutex m;                           // guards count
    int count = 0;                     // guarded by m: threads between the two turnstiles
    counting_semaphore<> turnstile{0};   // opened n times by the last arrival
    counting_semaphore<> turnstile2{0};  // opened n times by the last to leave phase one

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        {
            lock_guard<mutex> lock(m);
            if (++count == n) turnstile.release(n);
        }
        turnstile.acquire();
        {
            lock_guard<mutex> lock(m);
            if (--count == 0) turnstile2.release(n);
        }
        turnstile2.acquire();
    }
};
