// expect: deadlock
// judge-mode: explore
// bug: lost wakeup in a narrow window. The stage is an atomic, so there is no data race, but it
// is advanced and notified without holding the mutex the waiter checks it under. If first()
// stores and notifies after second() has seen the old stage but before second() is asleep in
// wait(), the notify finds nobody and second() sleeps forever. The window is a few instructions
// wide: the stress and tsan runs hit it in some runs and not in others (measured: deadlock in 2
// of 3 default-mode runs), so only explore mode, which can schedule first() inside the window,
// rejects it every time.
class Foo {
    mutex m;
    condition_variable cv;
    atomic<int> stage{1};  // written without m: the bug

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        stage = 2;
        cv.notify_all();
    }

    void second(function<void()> printSecond) {
        {
            unique_lock<mutex> lock(m);
            cv.wait(lock, [this] { return stage == 2; });
        }
        printSecond();
        stage = 3;
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 3; });
        printThird();
    }
};
