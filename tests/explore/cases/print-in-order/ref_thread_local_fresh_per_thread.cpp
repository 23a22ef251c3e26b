// expect: accepted
// primitive: std::mutex + std::condition_variable, and a thread_local object with a destructor
//
// Why it is correct: as solutions/print-in-order/mutex_cv.cpp; first() also checks that its
// thread's thread_local object is fresh (constructed for this thread, never used before), which
// every new thread's is. Explore runs each controlled thread as a fiber on a reused host thread:
// this case fails (runtime_error) unless a finished fiber's thread_local destructors run and its
// host's thread_local image is reset for the next thread.
struct Fresh {
    int n = 0;
    string s;
    ~Fresh() { s.clear(); n = -1; }
};
thread_local Fresh fresh;
static void check_fresh() {
    if (fresh.n != 0) throw runtime_error("thread_local left over from another thread");
    fresh.n = 1;
    fresh.s = string(100, 'x');
}
class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    Foo() {}

    void first(function<void()> printFirst) {
        check_fresh();
        printFirst();
        {
            lock_guard<mutex> lock(m);
            stage = 2;
        }
        cv.notify_all();
    }

    void second(function<void()> printSecond) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 2; });
        printSecond();
        stage = 3;
        lock.unlock();
        cv.notify_all();
    }

    void third(function<void()> printThird) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return stage == 3; });
        printThird();
    }
};
