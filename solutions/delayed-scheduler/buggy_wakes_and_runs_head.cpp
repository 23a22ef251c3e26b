// expect: wrong_answer
// The timer thread waits once until the head's due time and then runs the head, trusting that
// the wait only ends at the deadline. But schedule() notifies it (a new task arrived), so it
// wakes early and runs a task before that task is due.
class DelayedScheduler {
    using Clock = chrono::steady_clock;
    using Entry = pair<Clock::time_point, int>;

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
        heap_.emplace(due, id);
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
            changed_.wait_until(lock, heap_.top().first);
            if (stop_ || heap_.empty()) continue;
            const int id = heap_.top().second;
            heap_.pop();
            auto it = pending_.find(id);
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
