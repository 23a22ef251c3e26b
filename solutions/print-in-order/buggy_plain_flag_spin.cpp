// expect: time_limit
// bug: data race on plain bools, polled in an empty loop. Nothing tells the compiler another
// thread may change the flag, so with optimisation it reads the flag once and turns
// `while (!firstDone) {}` into an endless loop whenever second() arrives before first() has
// finished. Stress sees a thread spinning without progress and reports time_limit before the
// ThreadSanitizer run (which would report the race) gets its turn. Compare
// buggy_plain_flag_race.cpp, where a yield() in the loop hides the hang and only tsan catches it.
class Foo {
    bool firstDone = false;   // unguarded: the bug
    bool secondDone = false;  // unguarded: the bug

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        firstDone = true;
    }

    void second(function<void()> printSecond) {
        while (!firstDone) {
        }
        printSecond();
        secondDone = true;
    }

    void third(function<void()> printThird) {
        while (!secondDone) {
        }
        printThird();
    }
};
