// expect: accepted
// One timer thread, a min-heap of (due, id) under one mutex, and a condition variable. The timer
// thread waits until the earliest due time, or until notified; schedule() notifies it whenever
// the new task becomes the earliest, and cancel() erases the task from the map of pending tasks.
//
// Why it is correct: the heap, the pending map and stop_ change only under mu_. The timer thread
// waits in a loop and, after every wakeup (timeout, notify or spurious), looks at the current head
// again and runs it only if its due time has passed: never early, always the earliest first, and
// a task scheduled to run sooner than the old head wakes the thread, which then waits for the new
// head instead. A task is taken to run by erasing it from pending_ under the lock, and cancel()
// succeeds only by erasing it there too: exactly one of them wins, so a cancelled task never
// runs. Tasks run outside the lock, so schedule() and cancel() never wait for a task. The
// destructor sets stop_ under the lock and notifies: the thread cannot miss it.
class DelayedScheduler {
    using Clock = chrono::steady_clock;
    using Entry = pair<Clock::time_point, int>;  // due time, id

public:
    DelayedScheduler() : timer_([this] { loop(); }) {}

    ~DelayedScheduler() {
        {
            lock_guard<mutex> lock(mu_);
            stop_ = true;
        }
        changed_.notify_one();
        timer_.join();
    }

    int schedule(function<void()> task, chrono::milliseconds delay) {
        const auto due = Clock::now() + delay;
        lock_guard<mutex> lock(mu_);
        const int id = ++lastId_;
        pending_.emplace(id, std::move(task));
        const bool earliest = heap_.empty() || due < heap_.top().first;
        heap_.emplace(due, id);
        if (earliest) changed_.notify_one();
        return id;
    }

    bool cancel(int id) {
        lock_guard<mutex> lock(mu_);
        return pending_.erase(id) == 1;  // its heap entry is skipped when it comes up
    }

private:
    void loop() {
        unique_lock<mutex> lock(mu_);
        while (!stop_) {
            if (heap_.empty()) {
                changed_.wait(lock);
                continue;
            }
            const auto [due, id] = heap_.top();
            if (Clock::now() < due) {
                changed_.wait_until(lock, due);
                continue;  // whatever woke us, look at the head again
            }
            heap_.pop();
            auto it = pending_.find(id);
            if (it == pending_.end()) continue;  // cancelled
            function<void()> task = std::move(it->second);
            pending_.erase(it);
            lock.unlock();
            task();
            lock.lock();
        }
    }

    mutex mu_;                    // guards every field below but timer_
    condition_variable changed_;  // a new earliest task, or stop
    priority_queue<Entry, vector<Entry>, greater<Entry>> heap_;
    map<int, function<void()>> pending_;  // tasks neither run nor cancelled
    int lastId_ = 0;
    bool stop_ = false;
    thread timer_;  // started last, after the fields it uses
};
