// expect: accepted
// bug: plain `bool` flags read in a spin loop: a data race (the tsan mode reports it). Under
// controlled exploration the spin never reaches a synchronisation operation, so the explorer
// reports a busy_wait finding and lets the trial finish on the real scheduler.
class Foo {
    volatile bool done1 = false;
    volatile bool done2 = false;

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        done1 = true;
    }

    void second(function<void()> printSecond) {
        while (!done1) {
        }
        printSecond();
        done2 = true;
    }

    void third(function<void()> printThird) {
        while (!done2) {
        }
        printThird();
    }
};
