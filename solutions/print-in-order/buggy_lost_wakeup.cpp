// expect: rejected
// verdicts: deadlock (stress, and explore's usual schedule: a notify sent before the other thread
// waits is lost) or wrong_answer (explore may inject a spurious wakeup, which a condition
// variable is allowed to have, into the bare wait: with no flag to re-check, third() then prints
// before first()). scripts/audit-labels found both; the one bug legitimately shows as either.
// bug: lost wakeup. The methods signal each other with bare notifies and no flag: a condition
// variable does not remember a notify that nobody was waiting for, so when first() notifies
// before second() has started waiting, second() then waits forever (and so does third()).
class Foo {
    mutex m;
    condition_variable firstDone, secondDone;

public:
    Foo() {}

    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        firstDone.notify_one();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        firstDone.wait(lock);  // nothing records that first() may already have notified
        printSecond();
        secondDone.notify_one();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        secondDone.wait(lock);
        printThird();
    }
};
