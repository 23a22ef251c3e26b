// expect: accepted
// primitive: one std::mutex for the whole table
//
// Why it is correct: a philosopher holds the table's only lock from picking up its first fork to
// putting down its last, so only one philosopher ever has forks in hand: no fork can be in two
// hands. There is one lock, so there is no lock order to get wrong and no cycle of waiters; a
// mutex has no wakeup to lose. The price is that two philosophers who share no fork never eat at
// the same time, which LeetCode accepts.
class DiningPhilosophers {
    mutex table;  // guards every fork: held from the first pick to the last put

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        lock_guard<mutex> lock(table);
        pickLeftFork();
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
    }
};
