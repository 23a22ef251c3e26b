// expect: data_race
// bug: data race. The flags are plain bools written by one thread and read by another with no
// synchronisation; that is undefined behaviour even when the output looks right. The waiting
// loop calls this_thread::yield(), an opaque call, so the compiler re-reads the flag each time
// and stress runs print the right order on x86; the ThreadSanitizer run reports the race.
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
        while (!firstDone) this_thread::yield();
        printSecond();
        secondDone = true;
    }

    void third(function<void()> printThird) {
        while (!secondDone) this_thread::yield();
        printThird();
    }
};
