// expect: accepted
// primitive: C++20 std::atomic<int>::wait / notify_all (four seats, one token per fork)
//
// Why it is correct: every counter here is taken by a compare-exchange that only lowers a
// positive value and given back by fetch_add, so `forks[i]` is 1 exactly while fork i lies on
// the table: no fork is ever in two hands. Every philosopher takes its left fork, then its right,
// which alone could deadlock with all five holding a left fork. `seats` lets at most four reach
// for forks at a time: among four philosophers holding a left fork each, one has a free right
// fork (five forks, four hands), so someone can always eat and then free its forks and its seat.
// No wait-for cycle can close, so no deadlock. No lost wakeup: a taker sleeps only in wait(0),
// which blocks only while the counter still reads 0, and every give-back raises the counter
// before notify_all. (std::counting_semaphore would be the textbook tool, but libstdc++ 12 can
// lose its wakeups: GCC bug 104928.)
class DiningPhilosophers {
    atomic<int> seats{4};                       // philosophers allowed to reach for forks (atomic)
    atomic<int> forks[5] = {1, 1, 1, 1, 1};     // forks[i]: 1 while fork i is on the table (atomic)

    static void take(atomic<int>& count) {
        int n = count.load();
        for (;;) {
            if (n == 0) {
                count.wait(0);
                n = count.load();
            } else if (count.compare_exchange_weak(n, n - 1)) {
                return;
            }
        }
    }

    static void giveBack(atomic<int>& count) {
        count.fetch_add(1);
        count.notify_all();
    }

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        atomic<int>& left = forks[(philosopher + 1) % 5];
        atomic<int>& right = forks[philosopher];
        take(seats);
        take(left);
        pickLeftFork();
        take(right);
        pickRightFork();
        eat();
        putLeftFork();
        giveBack(left);
        putRightFork();
        giveBack(right);
        giveBack(seats);
    }
};
