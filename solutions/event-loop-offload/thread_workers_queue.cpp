// expect: accepted
// primitive: std::thread workers, a mutex and condition variable around a job queue, asio::post
//
// Why it is correct: submit() pushes the job under the mutex and notifies one worker; it never
// waits for a job, so the loop keeps ticking. A worker pops a job under the mutex, runs it with
// the mutex released (the loop's next submit is never held up by a job), and hands the result to
// the loop with asio::post on the loop's io_context: post is thread safe and queues the handler,
// which the loop's thread runs, so on_done is called there, exactly once. Workers wait with a
// predicate (`stopping || !queue.empty()`), so neither a spurious wakeup nor a notify sent before
// the wait loses a job. shutdown() sets `stopping` under the mutex, wakes every worker and joins
// them all: a worker leaves only when the queue is empty and `stopping` is set, so no thread is
// left running when shutdown() returns.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : loop(loop) {
        for (int i = 0; i < 2; ++i) workers.emplace_back([this] { work(); });
    }

    void submit(function<long()> job, function<void(long)> on_done) {
        {
            lock_guard<mutex> lock(m);
            queue.push_back({std::move(job), std::move(on_done)});
        }
        cv.notify_one();
    }

    void shutdown() {
        {
            lock_guard<mutex> lock(m);
            stopping = true;
        }
        cv.notify_all();
        for (auto& w : workers) w.join();
        workers.clear();
    }

private:
    struct Task {
        function<long()> job;
        function<void(long)> on_done;
    };

    void work() {
        for (;;) {
            Task task;
            {
                unique_lock<mutex> lock(m);
                cv.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty()) return;  // stopping, nothing left
                task = std::move(queue.front());
                queue.pop_front();
            }
            const long result = task.job();  // off the loop, without the lock
            boost::asio::post(loop, [on_done = std::move(task.on_done), result] { on_done(result); });
        }
    }

    boost::asio::io_context& loop;  // post() on it is thread safe
    mutex m;                        // guards queue and stopping
    condition_variable cv;
    deque<Task> queue;      // guarded by m
    bool stopping = false;  // guarded by m
    vector<thread> workers;  // the loop's thread only (constructor, shutdown)
};
