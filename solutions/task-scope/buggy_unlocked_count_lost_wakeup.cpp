// expect: deadlock
// judge-mode: explore
// The bug: the count of running tasks is an atomic, and a finishing task decrements it and
// notifies without taking the mutex join() waits under. If the last task finishes between join()
// checking the count and join() starting to wait, the notify reaches nobody and join() sleeps
// for ever. The window is a few instructions wide, so stress almost never hits it; explore does.
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        ++running;
        threads.emplace_back([this, task = std::move(task)] {
            try {
                task(stop.get_token());
            } catch (...) {
                {
                    lock_guard<mutex> lk(m);
                    if (!first) first = current_exception();
                }
                stop.request_stop();
            }
            if (--running == 0) done.notify_all();  // without m: the notify can be lost
        });
    }

    void join() {
        {
            unique_lock<mutex> lk(m);
            while (running != 0) done.wait(lk);
        }
        finish();
    }

    bool join_for(chrono::milliseconds timeout) {
        bool in_time;
        {
            unique_lock<mutex> lk(m);
            in_time = done.wait_for(lk, timeout, [this] { return running == 0; });
        }
        if (!in_time) stop.request_stop();
        join();
        return in_time;
    }

private:
    void finish() {
        for (auto& t : threads) t.join();
        threads.clear();
        if (first) rethrow_exception(first);
    }

    stop_source stop;
    mutex m;                  // meant to guard the wait, but running is changed without it
    condition_variable done;
    atomic<int> running{0};
    exception_ptr first;      // guarded by m
    vector<thread> threads;
};
