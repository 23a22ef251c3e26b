// expect: wrong_answer
// judge-mode: explore
// bug: ordering by sleep. second() and third() sleep and hope the earlier method has printed by
// then; nothing makes them wait for it. On an idle machine the sleeps are long enough, so stress
// (whose start delays are microseconds) usually accepts the file; only a busy machine that keeps
// first()'s thread off the CPU for milliseconds shows the wrong order. Explore mode runs sleeps
// on virtual time, lets first() be delayed past them, and gets the wrong order every time.
class Foo {
public:
    Foo() {}

    void first(function<void()> printFirst) { printFirst(); }

    void second(function<void()> printSecond) {
        this_thread::sleep_for(chrono::milliseconds(2));
        printSecond();
    }

    void third(function<void()> printThird) {
        this_thread::sleep_for(chrono::milliseconds(4));
        printThird();
    }
};
