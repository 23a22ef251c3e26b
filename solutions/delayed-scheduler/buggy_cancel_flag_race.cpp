// expect: wrong_answer
// cancel() only marks the id in a set of cancelled ids and says true unless the task already
// ran; the timer thread checks the set when it takes a task, and marks it as ran after running
// it. A cancel() that comes between the two finds the task neither ran nor skipped, says true,
// and the task runs anyway. The window is short: stress rarely hits it, explore does.
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
        tasks_.emplace(id, std::move(task));
        const bool earliest = heap_.empty() || due < heap_.top().first;
        heap_.emplace(due, id);
        if (earliest) changed_.notify_one();
        return id;
    }

    bool cancel(int id) {
        lock_guard<mutex> lock(mu_);
        if (ran_.count(id) || !tasks_.count(id)) return false;
        cancelled_.insert(id);
        return true;
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
                continue;
            }
            heap_.pop();
            if (cancelled_.count(id)) continue;
            function<void()> task = tasks_[id];
            lock.unlock();
            task();
            lock.lock();
            ran_.insert(id);
        }
    }

    mutex mu_;
    condition_variable changed_;
    priority_queue<Entry, vector<Entry>, greater<Entry>> heap_;
    map<int, function<void()>> tasks_;
    set<int> cancelled_, ran_;
    int lastId_ = 0;
    bool stop_ = false;
    thread timer_;
};
