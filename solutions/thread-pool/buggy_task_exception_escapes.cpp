// expect: runtime_error
// bug: the worker runs the task with `p.set_value(task())` and nothing catches what the task
// throws: the exception leaves the worker thread's function, and C++ then calls std::terminate,
// which ends the whole program. The exception had to go into the promise (set_exception).
class ThreadPool {
    mutex m;                              // guards queue and stopping
    condition_variable work;              // signalled on a push and on shutdown
    deque<pair<function<int()>, promise<int>>> queue;
    bool stopping = false;
    vector<thread> workers;               // touched only by the constructor and shutdown()

    void serve() {
        for (;;) {
            pair<function<int()>, promise<int>> job;
            {
                unique_lock<mutex> lock(m);
                work.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty()) return;
                job = std::move(queue.front());
                queue.pop_front();
            }
            job.second.set_value(job.first());
        }
    }

public:
    ThreadPool(int threads) {
        for (int i = 0; i < threads; ++i) workers.emplace_back([this] { serve(); });
    }

    future<int> submit(function<int()> task) {
        promise<int> p;
        future<int> result = p.get_future();
        {
            lock_guard<mutex> lock(m);
            if (stopping) throw runtime_error("submit() after shutdown()");
            queue.emplace_back(std::move(task), std::move(p));
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
