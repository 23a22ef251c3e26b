// expect: wrong_answer
// bug: owner() asks "divisible by 3?" before "divisible by 15?", so 15, 30, 45 ... are handed to
// fizz() and printed as "fizz"; fizzbuzz() never gets a number. The hand-offs are otherwise
// right, so every thread returns once the game passes n: the 15th print is "fizz" where
// "fizzbuzz" was expected.
class FizzBuzz {
private:
    enum Who { FIZZ, BUZZ, FIZZBUZZ, NUMBER };

    int n;
    mutex m;
    condition_variable cv;
    int current = 1;

    // The bug: the test for 3 comes before the test for 15, so 15 belongs to fizz().
    static Who owner(int i) {
        if (i % 3 == 0) return FIZZ;
        if (i % 5 == 0) return BUZZ;
        if (i % 15 == 0) return FIZZBUZZ;
        return NUMBER;
    }

    void play(Who me, const function<void(int)>& say) {
        for (;;) {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [&] { return current > n || owner(current) == me; });
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
        play(FIZZ, [&](int) { printFizz(); });
    }

    // printBuzz() outputs "buzz".
    void buzz(function<void()> printBuzz) {
        play(BUZZ, [&](int) { printBuzz(); });
    }

    // printFizzBuzz() outputs "fizzbuzz".
    void fizzbuzz(function<void()> printFizzBuzz) {
        play(FIZZBUZZ, [&](int) { printFizzBuzz(); });
    }

    // printNumber(x) outputs "x", where x is an integer.
    void number(function<void(int)> printNumber) {
        play(NUMBER, printNumber);
    }
};
