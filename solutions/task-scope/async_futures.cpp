// expect: accepted
// primitive: std::async(launch::async) futures, one std::stop_source, std::mutex for the first error
//
// Why it is correct: each task runs in std::async with launch::async, so on a thread of its own,
// and gets a token of the scope's one stop_source. A task that throws records its exception under
// `m` first and then requests stop, so the root cause is stored before any sibling can react to
// the cancellation. join() waits on every future in turn (get() would also rethrow, but the first
// recorded exception is the one to report, so wait() and the recorded value are used). join_for()
// waits on each future until one shared deadline; if any is not ready by then it requests stop
// and waits for all of them. Once every future is ready its task has returned, so nothing of the
// scope still runs. The waits are on futures, each set exactly once, so no wakeup can be lost.
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        futures.push_back(async(launch::async, [this, task = std::move(task)] {
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
        }));
    }

    void join() {
        for (auto& f : futures) f.wait();
        finish();
    }

    bool join_for(chrono::milliseconds timeout) {
        const auto deadline = chrono::steady_clock::now() + timeout;
        bool in_time = true;
        for (auto& f : futures)
            if (f.wait_until(deadline) != future_status::ready) {
                in_time = false;
                break;
            }
        if (!in_time) stop.request_stop();
        for (auto& f : futures) f.wait();
        finish();
        return in_time;
    }

private:
    void finish() {
        futures.clear();
        lock_guard<mutex> lk(m);
        if (first) rethrow_exception(first);
    }

    stop_source stop;                // thread safe
    mutex m;                         // guards first
    exception_ptr first;             // guarded by m
    vector<future<void>> futures;    // owner's thread only
};
