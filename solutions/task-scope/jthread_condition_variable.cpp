// expect: accepted
// primitive: std::jthread per task, one std::stop_source, std::mutex + std::condition_variable
//
// Why it is correct: every task runs on a jthread of its own and gets a token of the scope's
// single stop_source, so one request_stop() reaches every sibling. The first exception is stored
// under `m` before stop is requested, so a sibling that throws because it was cancelled always
// finds `first` already set and cannot replace the root cause. join() and join_for() wait on
// `done` for `running == 0`; a task decrements `running` and notifies while holding `m`, so the
// waiter either sees the new count in its predicate or is already waiting when the notify comes
// (no lost wakeup). Both then join every thread, so no task is running when they return, whatever
// happened. Nothing holds `m` while running a task, so no task can block the scope's bookkeeping.
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        {
            lock_guard<mutex> lk(m);
            ++running;
        }
        threads.emplace_back([this, task = std::move(task)](stop_token) {
            try {
                task(stop.get_token());
            } catch (...) {
                bool mine = false;
                {
                    lock_guard<mutex> lk(m);
                    if (!first) first = current_exception(), mine = true;
                }
                if (mine) stop.request_stop();
            }
            lock_guard<mutex> lk(m);
            if (--running == 0) done.notify_all();
        });
    }

    void join() {
        {
            unique_lock<mutex> lk(m);
            done.wait(lk, [this] { return running == 0; });
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
        finish();
        return in_time;
    }

private:
    void finish() {
        for (auto& t : threads) t.join();
        threads.clear();
        if (first) rethrow_exception(first);
    }

    stop_source stop;            // shared by every task; thread safe
    mutex m;                     // guards running, first
    condition_variable done;     // notified when running drops to 0
    int running = 0;             // guarded by m
    exception_ptr first;         // guarded by m; read by the owner after every thread is joined
    vector<jthread> threads;     // owner's thread only
};
