// expect: wrong_answer
// The bug: a failing task requests stop first and records its exception second. A sibling that
// throws when it is cancelled can run in between and record its cancellation exception first, so
// join() rethrows "task 1 cancelled" instead of the root cause. The window is between two lines
// of one thread, and the sibling must wake in it; both stress and explore find it here.
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
                stop.request_stop();  // before the exception is recorded
                lock_guard<mutex> lk(m);
                if (!first) first = current_exception();
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
