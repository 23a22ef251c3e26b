// expect: accepted
// primitive: std::thread per task, std::counting_semaphore as the completion count, atomic flag
//
// Why it is correct: each task releases `finished` once as its very last action, so the owner
// knows every task has returned after acquiring it once per spawned task; join_for() uses
// try_acquire_until with one deadline and, on timeout, requests stop and acquires the rest
// without a limit. Only then are the threads joined, which is immediate. A semaphore keeps its
// count, so a release that comes before the owner waits is not lost. The first exception is
// claimed with an atomic exchange on `claimed`: the winner stores it and only then requests stop,
// and `first` is read by the owner after every task has released (release/acquire orders it).
class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        ++spawned;
        threads.emplace_back([this, task = std::move(task)] {
            try {
                task(stop.get_token());
            } catch (...) {
                if (!claimed.exchange(true)) {
                    first = current_exception();
                    stop.request_stop();
                }
            }
            finished.release();
        });
    }

    void join() {
        for (; spawned > 0; --spawned) finished.acquire();
        finish();
    }

    bool join_for(chrono::milliseconds timeout) {
        const auto deadline = chrono::steady_clock::now() + timeout;
        bool in_time = true;
        for (; spawned > 0; --spawned)
            if (!finished.try_acquire_until(deadline)) {
                in_time = false;
                break;
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

    stop_source stop;                   // thread safe
    counting_semaphore<> finished{0};   // one release per finished task
    atomic<bool> claimed{false};        // the first task to throw sets it
    exception_ptr first;                // written by the claimant before its release
    int spawned = 0;                    // owner's thread only: tasks not yet acquired
    vector<thread> threads;             // owner's thread only
};
