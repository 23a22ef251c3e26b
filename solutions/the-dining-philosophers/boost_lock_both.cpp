// expect: accepted
// primitive: boost::mutex per fork + boost::lock (all-or-nothing locking of both forks)
//
// Why it is correct: fork i is in a hand exactly while forks[i] is locked, so no fork is ever in
// two hands. boost::lock(a, b) locks both mutexes without ever blocking on one while holding the
// other: when the second is busy it releases the first and retries, starting with the one that
// was busy. So nobody sleeps holding a fork, no wait-for cycle forms and there is no deadlock;
// mutexes have no wakeup to lose.
#include <boost/thread.hpp>

class DiningPhilosophers {
    boost::mutex forks[5];  // forks[i] guards fork i: locked while it is in a hand

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        boost::mutex& left = forks[(philosopher + 1) % 5];
        boost::mutex& right = forks[philosopher];
        boost::lock(left, right);
        boost::lock_guard<boost::mutex> leftLock(left, boost::adopt_lock);
        boost::lock_guard<boost::mutex> rightLock(right, boost::adopt_lock);
        pickLeftFork();
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
    }
};
