// expect: accepted
// measured cost: about 3x its raw mutex + condition-variable ping-pong (74257 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: boost::mutex + boost::condition_variable
//
// Why it is correct: each thread walks its own numbers in 1..n (fizz() the multiples of 3 that
// are not multiples of 5, and so on) and, for each, waits until `current` reaches it, prints,
// and moves `current` on. `current` is only touched under `m` and the wait re-checks it in a
// loop, so a wakeup for another number or a spurious one is harmless. Every advance is made under
// the lock and followed by notify_all, so the owner of the next number is either about to check
// and sees it, or is asleep on `cv` and is woken: no lost wakeup. The four threads' numbers
// cover 1..n exactly once, so `current` reaches every number some thread waits for, and a
// thread with no numbers left simply returns without waiting.
#include <boost/thread.hpp>

class FizzBuzz {
private:
    int n;
    boost::mutex m;                // guards current
    boost::condition_variable cv;  // notified whenever current advances
    int current = 1;               // the next number of the game

    void say(int i, const function<void()>& print) {
        boost::unique_lock<boost::mutex> lock(m);
        while (current != i) cv.wait(lock);
        print();
        ++current;
        lock.unlock();
        cv.notify_all();
    }

public:
    FizzBuzz(int n) {
        this->n = n;
    }

    // printFizz() outputs "fizz".
    void fizz(function<void()> printFizz) {
        for (int i = 3; i <= n; i += 3)
            if (i % 5 != 0) say(i, printFizz);
    }

    // printBuzz() outputs "buzz".
    void buzz(function<void()> printBuzz) {
        for (int i = 5; i <= n; i += 5)
            if (i % 3 != 0) say(i, printBuzz);
    }

    // printFizzBuzz() outputs "fizzbuzz".
    void fizzbuzz(function<void()> printFizzBuzz) {
        for (int i = 15; i <= n; i += 15) say(i, printFizzBuzz);
    }

    // printNumber(x) outputs "x", where x is an integer.
    void number(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i)
            if (i % 3 != 0 && i % 5 != 0) say(i, [&] { printNumber(i); });
    }
};
