// expect: accepted
// primitive: std::mutex + std::condition_variable, with a round number
//
// Why it is correct: arrivals are counted under the mutex. The last arrival of a round resets
// the count and advances the round number in one critical section, then wakes everyone; the
// others wait for the round number to change from the one they arrived in. Nobody leaves before
// the last arrival (the round number changes only then), and a thread that comes back at once
// is counted in the new round, because the count was reset before anyone could leave. The
// predicate is re-checked under the mutex after every wakeup, so a spurious wakeup or a notify
// that comes before the wait cannot be lost or taken for the real one.
class ReusableBarrier {
    const int n;
    mutex m;                 // guards arrived and round
    condition_variable cv;   // signalled when a round completes
    int arrived = 0;         // guarded by m: arrivals in the current round
    long long round = 0;     // guarded by m: how many rounds have completed

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        unique_lock<mutex> lock(m);
        const long long mine = round;
        if (++arrived == n) {
            arrived = 0;
            ++round;
            cv.notify_all();
            return;
        }
        cv.wait(lock, [&] { return round != mine; });
    }
};
