// expect: data_race
// judge-mode: tsan
// bug: plain `bool` flags written and read by different threads without synchronisation. The
// yields keep it fast enough to pass stress runs; ThreadSanitizer reports the race. The judged
// executable carries the explorer's interposed symbols: this checks that they forward to
// ThreadSanitizer's interceptors and keep it seeing the race.
class Foo {
    bool done1 = false;
    bool done2 = false;

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        done1 = true;
    }

    void second(function<void()> printSecond) {
        while (!done1) this_thread::yield();
        printSecond();
        done2 = true;
    }

    void third(function<void()> printThird) {
        while (!done2) this_thread::yield();
        printThird();
    }
};
