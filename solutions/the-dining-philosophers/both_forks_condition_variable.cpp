// expect: accepted
// primitive: std::mutex + std::condition_variable (take both forks or none)
//
// Why it is correct: inUse[i] says fork i is in a hand and is only read or written under `m`. A
// philosopher waits until both its forks are free and marks them taken in the same critical
// section, so a fork is never in two hands, and nobody ever holds one fork while waiting for the
// other: no wait-for cycle, no deadlock. After eating it clears both marks under `m` and calls
// notify_all; a waiter either sees the cleared marks before it sleeps or is asleep on `freed` and
// gets woken, and the predicate loop sends a spuriously woken waiter back to sleep: no lost
// wakeup.
class DiningPhilosophers {
    mutex m;                  // guards inUse
    condition_variable freed; // signalled whenever forks are put down
    bool inUse[5] = {};       // inUse[i]: fork i is in someone's hand

public:
    DiningPhilosophers() {}

    void wantsToEat(int philosopher,
                    function<void()> pickLeftFork,
                    function<void()> pickRightFork,
                    function<void()> eat,
                    function<void()> putLeftFork,
                    function<void()> putRightFork) {
        const int right = philosopher, left = (philosopher + 1) % 5;
        {
            unique_lock<mutex> lock(m);
            freed.wait(lock, [&] { return !inUse[left] && !inUse[right]; });
            inUse[left] = inUse[right] = true;
        }
        pickLeftFork();
        pickRightFork();
        eat();
        putLeftFork();
        putRightFork();
        {
            lock_guard<mutex> lock(m);
            inUse[left] = inUse[right] = false;
        }
        freed.notify_all();
    }
};
