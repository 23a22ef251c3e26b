// expect: deadlock
// bug: shutdown wakes only one worker (notify_one). That worker leaves; every other worker
// that was already asleep waits for a notification that never comes, and shutdown() waits in
// join() for them forever.
class ThreadPool {
    mutex m;                              // guards queue and stopping
    condition_variable work;              // signalled on a push and on shutdown
    deque<packaged_task<int()>> queue;
    bool stopping = false;
    vector<thread> workers;               // touched only by the constructor and shutdown()

    void serve() {
        for (;;) {
            packaged_task<int()> task;
            {
                unique_lock<mutex> lock(m);
                work.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty()) return;  // stopping, and nothing left to run
                task = std::move(queue.front());
                queue.pop_front();
            }
            task();
        }
    }

public:
    ThreadPool(int threads) {
        for (int i = 0; i < threads; ++i) workers.emplace_back([this] { serve(); });
    }

    future<int> submit(function<int()> task) {
        packaged_task<int()> job(std::move(task));
        future<int> result = job.get_future();
        {
            lock_guard<mutex> lock(m);
            if (stopping) throw runtime_error("submit() after shutdown()");
            queue.push_back(std::move(job));
        }
        work.notify_one();
        return result;
    }

    void shutdown() {
        {
            lock_guard<mutex> lock(m);
            stopping = true;
        }
        work.notify_one();
        for (auto& w : workers) w.join();
        workers.clear();
    }
};
