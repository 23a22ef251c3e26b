// expect: deadlock or data_race
// bug: the thread that prints n skips the final notify_all ("the game is over, nobody needs to
// go next"). But the other three threads are waiting for `current > n` to learn exactly that;
// any of them already asleep on `cv` is never woken and never returns. The test that skips it
// also reads `current` after unlocking, while another thread may be incrementing it under the
// lock: a data race, which explore's race detector and ThreadSanitizer may report first.
class FizzBuzz {
private:
    int n;
    mutex m;
    condition_variable cv;
    int current = 1;

    // Runs one thread's part: `mine` says which numbers it owns, `say` prints one of them.
    void play(const function<bool(int)>& mine, const function<void(int)>& say) {
        for (;;) {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [&] { return current > n || mine(current); });
            if (current > n) return;
            say(current);
            ++current;
            lock.unlock();
            if (current <= n) cv.notify_all();  // the bug: "nobody is left to go after n"
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
