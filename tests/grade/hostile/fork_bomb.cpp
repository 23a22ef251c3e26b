// expect: resource_limit
// hostile: forks without end; the pids limit stops it and every copy is killed.
#include <unistd.h>

class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        while (true) fork();
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
