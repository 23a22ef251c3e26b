// expect: data_race
// bug: the workers count the jobs they have run in a plain integer, incremented after the queue
// lock is released. Two workers running jobs side by side write it at the same time: a data race
// (its value may come out short), which only ThreadSanitizer sees; the rest is the correct
// worker-queue answer.
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

    long jobs_run() const { return ran; }

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
                if (queue.empty()) return;
                task = std::move(queue.front());
                queue.pop_front();
            }
            ++ran;  // BUG: written by every worker, outside the lock
            const long result = task.job();
            boost::asio::post(loop, [on_done = std::move(task.on_done), result] { on_done(result); });
        }
    }

    boost::asio::io_context& loop;
    mutex m;  // guards queue and stopping
    condition_variable cv;
    deque<Task> queue;
    bool stopping = false;
    long ran = 0;  // BUG: guarded by nothing
    vector<thread> workers;
};
