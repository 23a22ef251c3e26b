// expect: rejected
// stress gives deadlock (a notify sent before the other thread waits is lost); explore, which
// runs first in the default mode, may instead inject a spurious wakeup into the bare wait, and a
// thread then prints out of turn: wrong_answer. Both come from waiting without a condition.
// bug: lost wakeup. The threads ping-pong with bare notifies and no flag saying whose turn it
// is. A condition variable does not remember a notify nobody was waiting for: when foo() runs
// first it prints, notifies nobody and waits; bar() then waits too, for a notify that was
// already sent, and both sleep forever.
class FooBar {
private:
    int n;
    mutex m;
    condition_variable cv;

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            unique_lock<mutex> lock(m);
            printFoo();
            cv.notify_one();
            cv.wait(lock);  // wait for bar() to answer
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            unique_lock<mutex> lock(m);
            cv.wait(lock);  // the notify for this "foo" may have come already
            printBar();
            cv.notify_one();
        }
    }
};
