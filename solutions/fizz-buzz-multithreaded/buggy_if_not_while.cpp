// expect: wrong_answer
// bug: the wait is an `if`, not a loop. Every print ends with notify_all, which wakes all three
// waiting threads; each one goes on to print without checking that `current` is its number
// ("1 fizz buzz fizzbuzz ..."). The run still ends: every print advances `current`, and the
// print that passes n wakes everyone, who then see the game is over.
class FizzBuzz {
private:
    int n;
    mutex m;
    condition_variable cv;
    int current = 1;

    void play(const function<bool(int)>& mine, const function<void(int)>& say) {
        for (;;) {
            unique_lock<mutex> lock(m);
            if (current <= n && !mine(current)) cv.wait(lock);  // the bug: `if`, not `while`
            if (current > n) return;
            say(current);
            ++current;
            lock.unlock();
            cv.notify_all();
        }
    }

public:
    FizzBuzz(int n) {
        this->n = n;
    }

    // printFizz() outputs "fizz".
    void fizz(function<void()> printFizz) {
        play([](int i) { return i % 3 == 0 && i % 5 != 0; }, [&](int) { printFizz(); });
    }

    // printBuzz() outputs "buzz".
    void buzz(function<void()> printBuzz) {
        play([](int i) { return i % 5 == 0 && i % 3 != 0; }, [&](int) { printBuzz(); });
    }

    // printFizzBuzz() outputs "fizzbuzz".
    void fizzbuzz(function<void()> printFizzBuzz) {
        play([](int i) { return i % 15 == 0; }, [&](int) { printFizzBuzz(); });
    }

    // printNumber(x) outputs "x", where x is an integer.
    void number(function<void(int)> printNumber) {
        play([](int i) { return i % 3 != 0 && i % 5 != 0; }, printNumber);
    }
};
