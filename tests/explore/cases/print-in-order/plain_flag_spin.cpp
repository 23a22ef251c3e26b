// expect: data_race
// bug: plain `bool` flags read in a spin loop: a data race. The spin reaches no synchronisation
// operation, but every read of the flag is an instrumented access: after 64 reads of the same
// value the spinner gives way, first() runs and writes the flag, and the explorer's race
// detector finds that write unordered with second()'s reads (before the detector, explore
// released this trial to the real scheduler as a busy_wait and accepted it; only the tsan mode
// saw the race).
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
