// expect: accepted
// primitive: C++20 std::counting_semaphore (four seats) + std::mutex per fork
//
// Why it is correct: fork i is in a hand exactly while forks[i] is locked. Every philosopher
// takes its left fork, then its right, which alone could deadlock if all five held their left
// fork at once. The seats semaphore lets at most four philosophers reach for forks at a time:
// among four philosophers holding a left fork each, one has a free right fork (five forks, four
// hands), so someone can always eat, and after eating puts both forks down and frees a seat. No
// wait-for cycle can close, so no deadlock; the semaphore and the mutexes have no wakeup that can
// be lost. (ThreadSanitizer may list a lock-order inversion between the fork mutexes: it does not
// see that the seats make that order harmless.)
#include <semaphore>

class DiningPhilosophers {
    counting_semaphore<4> seats{4};  // at most four philosophers reach for forks at once
    mutex forks[5];                  // forks[i] guards fork i: locked while it is in a hand

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        mutex& left = forks[(philosopher + 1) % 5];
        mutex& right = forks[philosopher];
        seats.acquire();
        left.lock();
        pickLeftFork();
        right.lock();
        pickRightFork();
        eat();
        putLeftFork();
        left.unlock();
        putRightFork();
        right.unlock();
        seats.release();
    }
};
