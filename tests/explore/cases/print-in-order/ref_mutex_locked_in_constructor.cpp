// expect: accepted
// primitive: std::mutex used as a gate (locked in the constructor, unlocked by another thread)
//
// Why it is accepted: a popular LeetCode answer. Unlocking a std::mutex from a thread that does
// not own it is undefined by the C++ standard, but glibc's default mutex allows it, and the
// explorer models what glibc does: second() blocks on `m1` until first() unlocks it after
// printing; third() on `m2` until second() has printed. A better answer uses a semaphore.
class Foo {
    mutex m1, m2;  // m1 held until first printed, m2 until second printed

public:
    Foo() {
        m1.lock();
        m2.lock();
    }

    void first(function<void()> printFirst) {
        printFirst();
        m1.unlock();
    }

    void second(function<void()> printSecond) {
        m1.lock();
        printSecond();
        m2.unlock();
    }

    void third(function<void()> printThird) {
        m2.lock();
        printThird();
    }
};
