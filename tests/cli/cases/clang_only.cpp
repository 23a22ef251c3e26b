// A correct answer that clang (LeetCode's compiler) accepts and GCC rejects: an explicit
// specialization of a member template inside its class (CWG 727; GCC says "explicit
// specialization in non-namespace scope"). The plain build compiles it; ThreadSanitizer's GCC
// build cannot, so that mode is skipped and the verdict comes from the others.
class Foo {
    mutex m;                // guards stage
    condition_variable cv;  // signalled whenever stage advances
    int stage = 1;          // 1: first may print, 2: second may, 3: third may

    template <int N> void advance_from() {}
    template <> void advance_from<1>() { stage = 2; }
    template <> void advance_from<2>() { stage = 3; }

public:
    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        advance_from<1>();
        cv.notify_all();
    }
    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 2; });
        printSecond();
        advance_from<2>();
        cv.notify_all();
    }
    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 3; });
        printThird();
    }
};
