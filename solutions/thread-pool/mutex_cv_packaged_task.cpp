// expect: accepted
// primitive: std::mutex + std::condition_variable around a deque of std::packaged_task
//
// Why it is correct: `queue` and `stopping` are only touched under `m`. submit checks
// `stopping` and pushes in one critical section, so a task is either queued before shutdown
// set the flag or rejected; a worker leaves only when it sees `stopping` with an empty queue, so
// every queued task is run first, and shutdown joins every worker, so when it returns every
// accepted task has run. Workers wait in a loop on "queue not empty or stopping"; submit changes
// the queue under the lock and then notifies one worker, shutdown sets the flag under the lock
// and notifies all: a worker either saw the change before sleeping or is asleep and gets woken,
// so no wakeup is lost. packaged_task stores a task's exception in its future, so a throwing
// task never kills a worker. Tasks run outside the lock, so no lock is held while calling out.
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
        work.notify_all();
        for (auto& w : workers) w.join();
        workers.clear();
    }
};
