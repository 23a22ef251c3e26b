// expect: accepted
// primitive: Boost.Thread boost::mutex + boost::condition_variable, with a round number
//
// Why it is correct: the same argument as with std::condition_variable. The count and the round
// number change together under the mutex, the last arrival resets the count before anyone can
// leave, and waiters re-check "has my round completed?" under the mutex after every wakeup, so
// neither a spurious wakeup nor an early notify can let a thread through or lose it.
#include <boost/thread.hpp>

class ReusableBarrier {
    const int n;
    boost::mutex m;                  // guards arrived and round
    boost::condition_variable done;  // notified when a round completes
    int arrived = 0;                 // guarded by m
    unsigned long round = 0;         // guarded by m

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        boost::unique_lock<boost::mutex> lock(m);
        const unsigned long mine = round;
        if (++arrived == n) {
            arrived = 0;
            ++round;
            done.notify_all();
            return;
        }
        while (round == mine) done.wait(lock);
    }
};
