// expect: leaked_thread
// bug: shutdown() detaches the workers instead of stopping and joining them. They keep waiting
// on the queue for ever (the state they wait on is shared with them, so nothing is freed under
// them), and the object is destroyed while its threads live on: every restart of the component
// leaks two threads.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : state(make_shared<State>()) {
        for (int i = 0; i < 2; ++i)
            workers.emplace_back([s = state, &loop] { work(*s, loop); });
    }

    void submit(function<long()> job, function<void(long)> on_done) {
        {
            lock_guard<mutex> lock(state->m);
            state->queue.push_back({std::move(job), std::move(on_done)});
        }
        state->cv.notify_one();
    }

    void shutdown() {
        for (auto& w : workers) w.detach();  // BUG: nobody tells them to stop, nobody joins them
        workers.clear();
    }

private:
    struct Task {
        function<long()> job;
        function<void(long)> on_done;
    };
    struct State {
        mutex m;  // guards queue
        condition_variable cv;
        deque<Task> queue;
    };

    static void work(State& s, boost::asio::io_context& loop) {
        for (;;) {
            Task task;
            {
                unique_lock<mutex> lock(s.m);
                s.cv.wait(lock, [&s] { return !s.queue.empty(); });
                task = std::move(s.queue.front());
                s.queue.pop_front();
            }
            const long result = task.job();
            boost::asio::post(loop, [on_done = std::move(task.on_done), result] { on_done(result); });
        }
    }

    shared_ptr<State> state;
    vector<thread> workers;
};
