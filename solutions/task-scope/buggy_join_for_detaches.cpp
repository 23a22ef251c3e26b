// expect: leaked_thread
// The bug: when the timeout expires, join_for() requests stop and detaches the threads instead of
// waiting for them to notice: "cancelled" is not "finished", so the tasks outlive their scope.
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        {
            lock_guard<mutex> lk(m);
            ++running;
        }
        threads.emplace_back([this, task = std::move(task)] {
            try {
                task(stop.get_token());
            } catch (...) {
                lock_guard<mutex> lk(m);
                if (!first) first = current_exception();
                stop.request_stop();
            }
            lock_guard<mutex> lk(m);
            if (--running == 0) done.notify_all();
        });
    }

    void join() {
        for (auto& t : threads) t.join();
        threads.clear();
        if (first) rethrow_exception(first);
    }

    bool join_for(chrono::milliseconds timeout) {
        unique_lock<mutex> lk(m);
        if (done.wait_for(lk, timeout, [this] { return running == 0; })) {
            lk.unlock();
            join();
            return true;
        }
        stop.request_stop();
        for (auto& t : threads) t.detach();
        threads.clear();
        return false;
    }

    // The detached tasks still use the members after join_for returned; the scope keeps them
    // alive until they are done, so that the leak, not a use after free, is what shows.
    ~TaskScope() {
        unique_lock<mutex> lk(m);
        done.wait(lk, [this] { return running == 0; });
    }

private:
    stop_source stop;
    mutex m;                  // guards running, first
    condition_variable done;
    int running = 0;
    exception_ptr first;
    vector<thread> threads;
};
