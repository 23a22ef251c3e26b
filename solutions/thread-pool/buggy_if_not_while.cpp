// expect: wrong_answer
// bug: the worker waits with `if` instead of a loop and takes any wakeup as "there is work or
// we are stopping". A spurious wakeup, or a wakeup whose task another worker took first, finds
// the queue empty and the worker leaves for good; once the last worker has left, accepted tasks
// never run and shutdown() returns without them. Spurious wakeups are rare on real threads, so
// plain stress rarely sees it; explore injects them and finds it.
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
                if (!stopping && queue.empty()) work.wait(lock);
                if (queue.empty()) return;  // "woken, so either stopping or work to do"
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
