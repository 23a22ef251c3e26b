// expect: data_race
// bug: `current` is a plain int that four threads read and write with no lock and no atomic: a
// data race, undefined behaviour. The spin calls yield(), so on x86 the loads are usually fresh
// and the order comes out right, but nothing orders the accesses; the ThreadSanitizer run
// reports the race.
class FizzBuzz {
private:
    int n;
    int current = 1;  // the next number; unguarded: the bug

    void say(int i, const function<void()>& print) {
        while (current != i) this_thread::yield();
        print();
        current = i + 1;
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
