// expect: accepted
// hostile: sends SIGKILL to its parent and its parent's parent; the judge must not notice.
#include <signal.h>
#include <unistd.h>

class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        static once_flag once;
        call_once(once, [] {
            pid_t parent = getppid();
            ifstream stat("/proc/" + to_string(parent) + "/stat");
            string pid, comm, state;
            long grandparent = 0;
            stat >> pid >> comm >> state >> grandparent;
            kill(parent, SIGKILL);
            if (grandparent > 1) kill(static_cast<pid_t>(grandparent), SIGKILL);
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
