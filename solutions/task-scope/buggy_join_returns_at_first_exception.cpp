// expect: leaked_thread
// The bug: join() rethrows as soon as a task fails, while the cancelled siblings are still
// unwinding; their threads are detached so that the scope can be destroyed. The caller then
// believes the scope is over while its tasks still run (an orphan task: what structured
// concurrency exists to rule out).
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        {
            lock_guard<mutex> lk(m);
            ++running;
        }
        thread([this, task = std::move(task)] {
            try {
                task(stop.get_token());
            } catch (...) {
                lock_guard<mutex> lk(m);
                if (!first) first = current_exception();
                stop.request_stop();
                changed.notify_all();
            }
            lock_guard<mutex> lk(m);
            --running;
            changed.notify_all();
        }).detach();
    }

    void join() {
        unique_lock<mutex> lk(m);
        changed.wait(lk, [this] { return running == 0 || first; });
        if (first) rethrow_exception(first);
    }

    bool join_for(chrono::milliseconds timeout) {
        unique_lock<mutex> lk(m);
        const bool in_time = changed.wait_for(lk, timeout, [this] { return running == 0; });
        if (!in_time) stop.request_stop();
        changed.wait(lk, [this] { return running == 0; });
        if (first) rethrow_exception(first);
        return in_time;
    }

    ~TaskScope() {
        unique_lock<mutex> lk(m);
        changed.wait(lk, [this] { return running == 0; });
    }

private:
    stop_source stop;
    mutex m;                       // guards running, first
    condition_variable changed;
    int running = 0;
    exception_ptr first;
};
