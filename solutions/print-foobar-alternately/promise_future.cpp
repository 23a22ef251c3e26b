// expect: accepted
// measured cost: about 3x its raw futex (atomic wait) ping-pong (31202 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::promise<void> / std::future<void>, one pair per round
//
// Why it is correct: a promise is a one-shot event that keeps its state, so set_value() is never
// lost, whether the waiter is already waiting or comes later. The constructor makes one promise
// for each print that another thread waits on and takes all the futures, before any thread runs;
// afterwards each promise is set by one thread and each future waited on by the other, and the
// vectors are never resized, so nothing else is shared. Round i of bar() waits until foo() has
// printed the "foo" of round i; round i+1 of foo() waits until bar() has printed the "bar" of
// round i. set_value() happens before the matching get() returns, so the words alternate.
// foo()'s first round waits for nothing and every promise a thread waits on is set by the other
// thread in an earlier step of the chain: no deadlock.
class FooBar {
private:
    int n;
    vector<promise<void>> fooPrinted;         // [i] set by foo() after round i
    vector<promise<void>> barPrinted;         // [i] set by bar() after round i
    vector<future<void>> fooPrintedFuture;    // [i] waited on by bar() before round i
    vector<future<void>> barPrintedFuture;    // [i] waited on by foo() before round i+1

public:
    FooBar(int n) : fooPrinted(n), barPrinted(n) {
        this->n = n;
        for (int i = 0; i < n; i++) {
            fooPrintedFuture.push_back(fooPrinted[i].get_future());
            barPrintedFuture.push_back(barPrinted[i].get_future());
        }
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            if (i > 0) barPrintedFuture[i - 1].get();
            // printFoo() outputs "foo". Do not change or remove this line.
            printFoo();
            fooPrinted[i].set_value();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            fooPrintedFuture[i].get();
            // printBar() outputs "bar". Do not change or remove this line.
            printBar();
            barPrinted[i].set_value();
        }
    }
};
