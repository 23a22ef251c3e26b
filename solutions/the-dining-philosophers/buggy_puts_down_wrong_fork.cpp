// expect: wrong_answer
// bug: a copy-paste slip puts the left fork down twice and never the right one, so the right
// fork stays in the philosopher's hand after the meal.
class DiningPhilosophers {
    mutex table;

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
        putLeftFork();
    }
};
