// expect: rejected
// judge-mode: explore
// explore gives wrong_answer or deadlock, depending on which wait the injected spurious
// wakeup hits: an early print, or a wakeup consumed by the wrong thread.
// bug: `if` instead of `while` around the condition-variable wait. With only two threads every
// notify really is meant for the other thread, so the bug shows only when wait() returns without
// a notify (a spurious wakeup, which the standard allows): the woken method then prints out of
// turn. glibc's condition variable practically never wakes spuriously, so stress and tsan accept
// this file; explore mode must inject spurious wakeups to reject it.
class FooBar {
private:
    int n;
    mutex m;
    condition_variable cv;
    bool fooTurn = true;  // guarded by m

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            unique_lock<mutex> lock(m);
            if (!fooTurn) cv.wait(lock);
            printFoo();
            fooTurn = false;
            cv.notify_one();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            unique_lock<mutex> lock(m);
            if (fooTurn) cv.wait(lock);
            printBar();
            fooTurn = true;
            cv.notify_one();
        }
    }
};
