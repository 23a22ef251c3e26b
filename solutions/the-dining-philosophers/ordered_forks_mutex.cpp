// expect: accepted
// primitive: std::mutex (one per fork), taken lowest-numbered fork first
//
// Why it is correct: fork i is in a hand exactly while forks[i] is locked, so no fork is ever in
// two hands. Every philosopher locks its lower-numbered fork before its higher-numbered one, so
// the forks are always taken in one global order; a cycle of philosophers each holding a fork and
// waiting for the next would need someone to wait for a lower-numbered fork while holding a
// higher one, which never happens. Without a cycle there is no deadlock, and a mutex has no
// wakeup to lose. (Philosopher 4's forks are 4 and 0: it takes fork 0, its left, first; the other
// four take their right fork first.)
class DiningPhilosophers {
    mutex forks[5];  // forks[i] guards fork i: locked while fork i is in someone's hand

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        const int right = philosopher, left = (philosopher + 1) % 5;
        mutex& first = forks[min(left, right)];
        mutex& second = forks[max(left, right)];
        lock_guard<mutex> firstLock(first);
        lock_guard<mutex> secondLock(second);
        pickLeftFork();
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
    }
};
