// expect: accepted
// hostile: starts one child that leaves the session (setsid) and spins forever; the
// output is right, so the verdict is accepted, but the child must not survive the run.
#include <unistd.h>

class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        static once_flag once;
        call_once(once, [] {
            if (fork() == 0) {
                setsid();
                if (fork() == 0) {
                    while (true) {}
                }
                _exit(0);
            }
        });
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
