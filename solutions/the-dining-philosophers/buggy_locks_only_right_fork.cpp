// expect: wrong_answer
// bug: each philosopher locks only the mutex of its right fork, yet picks up both forks. Its left
// fork is a neighbour's right fork, guarded by the neighbour's lock and not by its own, so two
// neighbours can hold the same fork at once.
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
        lock_guard<mutex> right(forks[philosopher]);
        pickLeftFork();
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
    }
};
