// expect: wrong_answer
// bug: the philosopher puts its left fork down before eating, to free it sooner for its
// neighbour, and so eats holding only its right fork.
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
        const int right = philosopher, left = (philosopher + 1) % 5;
        scoped_lock both(forks[left], forks[right]);
        pickLeftFork();
        pickRightFork();
        putLeftFork();
        eat();
        putRightFork();
    }
};
