// expect: deadlock
// bug: every philosopher takes its left fork, then its right; when all five hold their left fork
// at once, each waits for its right fork in its neighbour's hand: a cycle, nobody eats again.
class DiningPhilosophers {
    mutex forks[5];

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        lock_guard<mutex> left(forks[(philosopher + 1) % 5]);
        pickLeftFork();
        lock_guard<mutex> right(forks[philosopher]);
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
    }
};
