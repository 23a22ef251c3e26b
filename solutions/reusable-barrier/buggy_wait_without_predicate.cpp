// expect: wrong_answer
// The round-number monitor, but the waiters call cv.wait(lock) once instead of waiting for their
// round to complete: a spurious wakeup, which the standard allows at any time, lets a thread out
// before the others have arrived. Real condition variables on Linux rarely wake spuriously, so
// plain stress passes it; the explore mode injects spurious wakeups and catches it.
class ReusableBarrier {
    const int n;
    mutex m;
    condition_variable cv;
    int arrived = 0;

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        unique_lock<mutex> lock(m);
        if (++arrived == n) {
            arrived = 0;
            cv.notify_all();
            return;
        }
        cv.wait(lock);
    }
};
