// expect: wrong_answer
// bug: fizzGo starts with one permit instead of none, so fizz() may print "fizz" before number()
// has said 1 and 2 ("fizz 1 2 ..."), and its spare permit lets it run one ahead of the game from
// then on. Every acquire is still matched by a release in the end, so all threads return; only
// the order is wrong. (Counting semaphores, because the spare permit would overflow a
// binary_semaphore, which is undefined behaviour.)
#include <semaphore>

class FizzBuzz {
private:
    int n;
    counting_semaphore<> fizzGo{1};  // should start at 0
    counting_semaphore<> buzzGo{0};
    counting_semaphore<> fizzBuzzGo{0};
    counting_semaphore<> numberGo{0};

    // Acquires `go` once for each number in 1..n that `mine` accepts, prints, hands back.
    void answer(counting_semaphore<>& go, bool (*mine)(int), const function<void()>& print) {
        for (int i = 1; i <= n; ++i) {
            if (!mine(i)) continue;
            go.acquire();
            print();
            numberGo.release();
        }
    }

public:
    FizzBuzz(int n) {
        this->n = n;
    }

    // printFizz() outputs "fizz".
    void fizz(function<void()> printFizz) {
        answer(fizzGo, [](int i) { return i % 3 == 0 && i % 5 != 0; }, printFizz);
    }

    // printBuzz() outputs "buzz".
    void buzz(function<void()> printBuzz) {
        answer(buzzGo, [](int i) { return i % 5 == 0 && i % 3 != 0; }, printBuzz);
    }

    // printFizzBuzz() outputs "fizzbuzz".
    void fizzbuzz(function<void()> printFizzBuzz) {
        answer(fizzBuzzGo, [](int i) { return i % 15 == 0; }, printFizzBuzz);
    }

    // printNumber(x) outputs "x", where x is an integer.
    void number(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            counting_semaphore<>* helper = nullptr;
            if (i % 15 == 0)
                helper = &fizzBuzzGo;
            else if (i % 3 == 0)
                helper = &fizzGo;
            else if (i % 5 == 0)
                helper = &buzzGo;
            if (!helper) {
                printNumber(i);
                continue;
            }
            helper->release();
            numberGo.acquire();
        }
    }
};
