// expect: wrong_answer
// The single-use barrier of The Little Book of Semaphores (3.6.4), used for many rounds: the
// count is never reset and the turnstile stays open after the first round, so from round two
// on wait() lets everyone straight through.
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
        }
        if (last) turnstile.release();
        turnstile.acquire();
        turnstile.release();
    }
};
