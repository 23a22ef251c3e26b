// expect: livelock
// bug: first() advances the stage to 3 instead of 2, so second() waits for a stage that never
// comes. It waits politely, yielding in a loop, so no thread ever blocks: the threads keep
// running without progress.
class Foo {
    atomic<int> stage{1};  // 1: first may print, 2: second may, 3: third may

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        stage = 3;
    }

    void second(function<void()> printSecond) {
        while (stage != 2) this_thread::yield();
        printSecond();
        stage = 3;
    }

    void third(function<void()> printThird) {
        while (stage != 3) this_thread::yield();
        printThird();
    }
};
