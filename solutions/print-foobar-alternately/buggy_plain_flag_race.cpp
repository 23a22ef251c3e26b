// expect: data_race
// bug: data race. The turn flag is a plain bool written by one thread and read by the other
// with no synchronisation; that is undefined behaviour even when the output looks right. The
// waiting loops call this_thread::yield(), an opaque call, so the compiler re-reads the flag on
// every turn and stress runs print the right words on x86; the ThreadSanitizer run reports the
// race.
class FooBar {
private:
    int n;
    bool fooTurn = true;  // unguarded: the bug

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            while (!fooTurn) this_thread::yield();
            printFoo();
            fooTurn = false;
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            while (fooTurn) this_thread::yield();
            printBar();
            fooTurn = true;
        }
    }
};
