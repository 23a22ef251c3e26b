// expect: deadlock
// judge-mode: explore
// bug: lost wakeup in a narrow window. The turn flag is an atomic, so there is no data race,
// but it is flipped and notified without holding the mutex the waiter checks it under. If one
// thread flips and notifies after the other has seen the old value but before it is asleep in
// wait(), the notify finds nobody and the waiter sleeps forever (the flipping thread then waits
// for its next turn, which never comes). The window is a few instructions wide, so stress
// rarely hits it (measured: accepted in 5 of 5 stress runs and 3 of 3 default-mode runs);
// explore mode must schedule the flip inside it.
class FooBar {
private:
    int n;
    mutex m;
    condition_variable cv;
    atomic<bool> fooTurn{true};  // written without m: the bug

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            {
                unique_lock<mutex> lock(m);
                cv.wait(lock, [this] { return fooTurn.load(); });
            }
            printFoo();
            fooTurn = false;
            cv.notify_one();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            {
                unique_lock<mutex> lock(m);
                cv.wait(lock, [this] { return !fooTurn.load(); });
            }
            printBar();
            fooTurn = true;
            cv.notify_one();
        }
    }
};
