// expect: accepted
// primitive: C++20 std::counting_semaphore (four seats) + std::binary_semaphore per fork
//
// Why it is correct: fork i is in a hand exactly while forks[i]'s single permit is taken, so no
// fork is ever in two hands. Every philosopher takes its left fork, then its right, which alone
// could deadlock if all five held their left fork at once. The seats semaphore lets at most four
// philosophers reach for forks at a time: among four philosophers holding a left fork each, one
// has a free right fork (five forks, four hands), so someone can always eat, and after eating it
// puts both forks down and frees a seat. No wait-for cycle can close, so no deadlock; a release
// always wakes a waiter if there is one, so no wakeup is lost.
#include <semaphore>

class DiningPhilosophers {
    counting_semaphore<4> seats{4};  // at most four philosophers reach for forks at once
    binary_semaphore forks[5] = {binary_semaphore{1}, binary_semaphore{1}, binary_semaphore{1},
                                 binary_semaphore{1}, binary_semaphore{1}};  // permit = fork free

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        binary_semaphore& left = forks[(philosopher + 1) % 5];
        binary_semaphore& right = forks[philosopher];
        seats.acquire();
        left.acquire();
        pickLeftFork();
        right.acquire();
        pickRightFork();
        eat();
        putLeftFork();
        left.release();
        putRightFork();
        right.release();
        seats.release();
    }
};
