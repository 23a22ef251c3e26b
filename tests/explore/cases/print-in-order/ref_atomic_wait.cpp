// expect: accepted
// primitive: std::atomic<int>::wait / notify_all
//
// Why it is correct: `stage` is atomic; each method waits until it holds its own number.
// wait(old) only sleeps while the value still equals `old`, and every store is followed by
// notify_all, so a waiter either sees the new value or is woken by the notify.
class Foo {
    atomic<int> stage{1};  // 1: first may print, 2: second may, 3: third may

    void await(int mine) {
        for (int s = stage.load(); s != mine; s = stage.load()) stage.wait(s);
    }

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        stage = 2;
        stage.notify_all();
    }

    void second(function<void()> printSecond) {
        await(2);
        printSecond();
        stage = 3;
        stage.notify_all();
    }

    void third(function<void()> printThird) {
        await(3);
        printThird();
    }
};
