// expect: wrong_answer
// bug: ordering by sleep. bar() starts half a period late and both threads print once per
// period, hoping the other keeps pace; nothing makes either wait for the other. A sleep lasts
// at least as long as asked, often tens of microseconds longer (timer slack, wakeup latency),
// a different amount each time, so the two threads drift apart period after period; a thread
// that starts late is out of step from the start.
// Stress starts the threads with random head starts of up to a few hundred microseconds and runs
// n up to 1000 periods, so it sees two words of a kind in a row in every run. (Longer sleeps
// would hide the bug from stress; explore mode, with virtual time, catches those too: see
// solutions/print-in-order/buggy_sleep_ordering.cpp.)
class FooBar {
private:
    int n;

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            printFoo();
            this_thread::sleep_for(chrono::microseconds(200));
        }
    }

    void bar(function<void()> printBar) {
        this_thread::sleep_for(chrono::microseconds(100));
        for (int i = 0; i < n; i++) {
            printBar();
            this_thread::sleep_for(chrono::microseconds(200));
        }
    }
};
