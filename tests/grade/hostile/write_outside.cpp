// expect: accepted
// hostile: tries to leave marker files outside its sandbox (world-writable folders, its own
// build folder, the folder above it, its home); none may exist after the run.
#include <fcntl.h>
#include <unistd.h>

class Foo {
    mutex m;                 // guards stage
    condition_variable cv;   // signalled whenever stage advances
    int stage = 1;           // 1: first may print, 2: second may, 3: third may

public:
    void first(function<void()> printFirst) {
        static once_flag once;
        call_once(once, [] {
            const char* home = getenv("HOME");
            const string targets[] = {"/tmp/cj-hostile-escape", "/var/tmp/cj-hostile-escape",
                                      "/dev/shm/cj-hostile-escape", "/run/lock/cj-hostile-escape",
                                      "cj-hostile-escape", "../cj-hostile-escape",
                                      "submission", string(home ? home : "/root") + "/cj-hostile-escape"};
            for (const auto& t : targets) {
                int fd = open(t.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd >= 0) { (void)!write(fd, "escaped\n", 8); close(fd); }
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
