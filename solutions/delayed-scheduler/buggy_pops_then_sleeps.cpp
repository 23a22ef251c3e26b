// expect: wrong_answer
// The timer thread pops the earliest task first and then waits for its time. A task scheduled
// meanwhile with a shorter delay waits behind the one already popped, and runs after it.
class DelayedScheduler {
    using Clock = chrono::steady_clock;

    struct Entry {
        Clock::time_point due;
        int id;
        bool operator>(const Entry& o) const { return due > o.due; }
    };

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
        heap_.push({due, id});
        changed_.notify_one();
        return id;
    }

    bool cancel(int id) {
        lock_guard<mutex> lock(mu_);
        return pending_.erase(id) == 1;
    }

private:
    void loop() {
        unique_lock<mutex> lock(mu_);
        while (!stop_) {
            if (heap_.empty()) {
                changed_.wait(lock);
                continue;
            }
            const Entry next = heap_.top();
            heap_.pop();
            // Wait for this task's time (a stop ends the wait).
            changed_.wait_until(lock, next.due, [&] { return stop_ || Clock::now() >= next.due; });
            if (stop_) return;
            auto it = pending_.find(next.id);
            if (it == pending_.end()) continue;
            function<void()> task = std::move(it->second);
            pending_.erase(it);
            lock.unlock();
            task();
            lock.lock();
        }
    }

    mutex mu_;
    condition_variable changed_;
    priority_queue<Entry, vector<Entry>, greater<Entry>> heap_;
    map<int, function<void()>> pending_;
    int lastId_ = 0;
    bool stop_ = false;
    thread timer_;
};
