// expect: wrong_answer
// bug: a worker returns as soon as it sees `stopping`, even with tasks still queued, so tasks
// that submit() accepted before shutdown() never run and their futures never become ready.
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
                if (stopping) return;  // leaves whatever is still queued
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
        work.notify_all();
        for (auto& w : workers) w.join();
        workers.clear();
    }
};
