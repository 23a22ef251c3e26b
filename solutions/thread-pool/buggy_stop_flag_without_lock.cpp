// expect: deadlock
// judge-mode: explore
// bug: shutdown sets the (atomic) `stopping` flag and notifies without taking the queue's mutex.
// A worker can check "stopping or work to do" under the mutex, find neither, and be just about
// to sleep when shutdown sets the flag and notifies: the notification comes before the worker
// waits, so it is lost, the worker sleeps forever and shutdown() waits in join() for it. The
// window is a few instructions wide, so plain stress rarely hits it; explore switches threads
// between the check and the wait and finds it.
class ThreadPool {
    mutex m;                              // guards queue and stopping
    condition_variable work;              // signalled on a push and on shutdown
    deque<packaged_task<int()>> queue;
    atomic<bool> stopping{false};
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
        stopping = true;
        work.notify_all();
        for (auto& w : workers) w.join();
        workers.clear();
    }
};
