// expect: deadlock
// bug: fizzbuzz()'s loop stops before n (`i < n`), so when n is a multiple of 15 it returns
// without answering the last one. number() has released fizzBuzzGo for n and then waits on
// numberGo for an answer that never comes; the other threads have returned.
#include <semaphore>

class FizzBuzz {
private:
    int n;
    // The semaphores are the only shared state.
    binary_semaphore fizzGo{0};      // permit for fizz() to print once
    binary_semaphore buzzGo{0};      // permit for buzz()
    binary_semaphore fizzBuzzGo{0};  // permit for fizzbuzz()
    binary_semaphore numberGo{0};    // released by a helper when its print is done

    // Acquires `go` once for each number in 1..n that `mine` accepts, prints, hands back.
    void answer(binary_semaphore& go, bool (*mine)(int), const function<void()>& print) {
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
        for (int i = 15; i < n; i += 15) {  // the bug: `< n` skips the last multiple when it is n
            fizzBuzzGo.acquire();
            printFizzBuzz();
            numberGo.release();
        }
    }

    // printNumber(x) outputs "x", where x is an integer.
    void number(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            binary_semaphore* helper = nullptr;
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
