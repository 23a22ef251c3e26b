// expect: accepted
// primitive: std::counting_semaphore counts queued jobs; a mutex guards the deque; promises
//
// Why it is correct: `queue` and `stopping` are only touched under `m`. Every push is followed by
// one release of `ready`, and shutdown releases one extra permit per worker with an empty job (a
// "poison pill") pushed behind everything accepted before it; a worker acquires a permit, then
// pops the front job under the lock, so permits and jobs match one to one: no worker takes from
// an empty deque and none sleeps while a job waits (a semaphore's count remembers releases that
// came before the acquire, so no wakeup is lost). The queue is FIFO, so a worker meets its pill
// only after every job accepted before shutdown; shutdown joins all workers. submit checks
// `stopping` and pushes in one critical section. A job catches what its task throws and stores
// it in the promise, so a throwing task never kills a worker.
class ThreadPool {
    mutex m;                                         // guards queue and stopping
    counting_semaphore<1 << 20> ready{0};            // one permit per job in queue
    deque<pair<function<int()>, promise<int>>> queue;  // empty function = stop this worker
    bool stopping = false;
    vector<thread> workers;                          // touched by the constructor and shutdown()

    void serve() {
        for (;;) {
            ready.acquire();
            pair<function<int()>, promise<int>> job;
            {
                lock_guard<mutex> lock(m);
                job = std::move(queue.front());
                queue.pop_front();
            }
            if (!job.first) return;
            try {
                job.second.set_value(job.first());
            } catch (...) {
                job.second.set_exception(current_exception());
            }
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
        ready.release();
        return result;
    }

    void shutdown() {
        {
            lock_guard<mutex> lock(m);
            stopping = true;
            for (size_t i = 0; i < workers.size(); ++i) queue.emplace_back();
        }
        ready.release(static_cast<ptrdiff_t>(workers.size()));
        for (auto& w : workers) w.join();
        workers.clear();
    }
};
