// expect: time_limit or wrong_answer
// bug: data race on plain bools, polled in an empty loop. Nothing tells the compiler another
// thread may change the flag, so with optimisation it reads the flag once. GCC turns
// `while (!firstDone) {}` into an endless loop whenever second() arrives before first() has
// finished: stress sees a thread spinning without progress and reports time_limit before the
// ThreadSanitizer run (which would report the race) gets its turn. Clang, which compiles the
// plain build, may also delete the loop outright (a loop with no side effects is assumed to
// end, [intro.progress]), and then second() prints before first(): wrong_answer. Both are this
// one bug. Compare buggy_plain_flag_race.cpp, where a yield() in the loop hides the hang and
// only tsan catches it.
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
