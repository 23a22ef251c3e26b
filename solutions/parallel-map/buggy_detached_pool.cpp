// expect: leaked_thread
// The bug: a thread pool whose threads are detached in the constructor and never told to stop.
// The map itself is right and parallel (the pool's state is shared with the threads, so they do
// not touch freed memory), but the destructor neither stops nor joins them: every ParallelMap
// leaves `workers` threads waiting for work that never comes.
class ParallelMap {
    struct State {
        mutex m;                          // guards jobs
        condition_variable cv;            // signalled when a job is queued
        deque<function<void()>> jobs;
    };
    shared_ptr<State> state = make_shared<State>();
    int workers;

public:
    ParallelMap(int workers) : workers(workers) {
        for (int k = 0; k < workers; ++k) {
            thread([s = state] {
                while (true) {
                    unique_lock<mutex> lock(s->m);
                    s->cv.wait(lock, [&] { return !s->jobs.empty(); });
                    auto job = std::move(s->jobs.front());
                    s->jobs.pop_front();
                    lock.unlock();
                    job();
                }
            }).detach();
        }
    }

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);
        latch done(workers);
        {
            lock_guard<mutex> lock(state->m);
            for (int k = 0; k < workers; ++k)
                state->jobs.push_back([&, k] {
                    for (size_t i = n * k / workers; i < n * (k + 1) / workers; ++i) out[i] = f(in[i]);
                    done.count_down();
                });
        }
        state->cv.notify_all();
        done.wait();
        return out;
    }
};
