// A correct answer that GCC compiles and clang does not: a narrowing conversion in braces,
// `int next{stage + 1.0}` (GCC warns, clang rejects it). The judge falls back to its GCC build
// and says that clang, LeetCode's compiler, rejects the file, rather than answering
// compile_error.
class Foo {
    mutex m;                // guards stage
    condition_variable cv;  // signalled whenever stage advances
    int stage = 1;          // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        lock_guard<mutex> lock(m);
        printFirst();
        int next{stage + 1.0};
        stage = next;
        cv.notify_all();
    }
    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 2; });
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
