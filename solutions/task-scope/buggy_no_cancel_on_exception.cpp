// expect: deadlock
// The bug: a task's exception is stored, but nobody requests stop, so the siblings that run
// until they are cancelled never end and join() waits for them for ever. (Python's
// asyncio.gather without cancelling the rest, or a std::thread pool that only collects errors.)
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        threads.emplace_back([this, task = std::move(task)] {
            try {
                task(stop.get_token());
            } catch (...) {
                lock_guard<mutex> lk(m);
                if (!first) first = current_exception();
            }
        });
    }

    void join() {
        for (auto& t : threads) t.join();
        threads.clear();
        if (first) rethrow_exception(first);
    }

    bool join_for(chrono::milliseconds timeout) {
        this_thread::sleep_for(timeout);
        stop.request_stop();
        join();
        return false;
    }

private:
    stop_source stop;
    mutex m;               // guards first
    exception_ptr first;
    vector<thread> threads;
};
