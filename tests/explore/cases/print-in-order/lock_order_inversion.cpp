// expect: deadlock
// bug: second() takes `a` then `b`, third() takes `b` then `a`. When each holds its first lock,
// each waits for the other's forever (a wait-for cycle).
class Foo {
    mutex a, b;            // guard nothing useful: the bug is their order
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
        {
            lock_guard<mutex> la(a);
            lock_guard<mutex> lb(b);
        }
        await(2);
        printSecond();
        stage = 3;
        stage.notify_all();
    }

    void third(function<void()> printThird) {
        {
            lock_guard<mutex> lb(b);
            lock_guard<mutex> la(a);
        }
        await(3);
        printThird();
    }
};
