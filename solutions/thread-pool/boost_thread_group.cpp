// expect: accepted
// primitive: boost::mutex + boost::condition_variable, workers in a boost::thread_group
//
// Why it is correct: `jobs` and `stopping` follow the same rule as a std pool: only
// touched under `m`. submit checks `stopping` and queues in one critical section; a worker
// returns only when it finds `stopping` set and no job left, so every job queued before
// shutdown runs, and join_all waits for every worker. The workers wait in a while loop
// (spurious wakeups and stolen jobs send them back to sleep); submit notifies one worker after
// queueing, shutdown notifies all after setting the flag, both after changing the state under
// the lock, so no wakeup is lost. Each job is a shared packaged_task, which stores the task's
// exception in its future instead of letting it escape the worker.
class ThreadPool {
    boost::mutex m;                                   // guards jobs and stopping
    boost::condition_variable work;                   // signalled on a push and on shutdown
    deque<shared_ptr<packaged_task<int()>>> jobs;
    bool stopping = false;
    boost::thread_group workers;                      // started in the constructor

    void serve() {
        for (;;) {
            shared_ptr<packaged_task<int()>> job;
            {
                boost::unique_lock<boost::mutex> lock(m);
                while (!stopping && jobs.empty()) work.wait(lock);
                if (jobs.empty()) return;
                job = jobs.front();
                jobs.pop_front();
            }
            (*job)();
        }
    }

public:
    ThreadPool(int threads) {
        for (int i = 0; i < threads; ++i) workers.create_thread([this] { serve(); });
    }

    future<int> submit(function<int()> task) {
        auto job = make_shared<packaged_task<int()>>(std::move(task));
        future<int> result = job->get_future();
        {
            boost::lock_guard<boost::mutex> lock(m);
            if (stopping) throw runtime_error("submit() after shutdown()");
            jobs.push_back(std::move(job));
        }
        work.notify_one();
        return result;
    }

    void shutdown() {
        {
            boost::lock_guard<boost::mutex> lock(m);
            stopping = true;
        }
        work.notify_all();
        workers.join_all();
    }
};
