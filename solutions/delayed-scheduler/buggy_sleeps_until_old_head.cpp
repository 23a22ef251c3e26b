// expect: wrong_answer
// The timer thread reads the earliest due time, releases the lock and sleeps until then. A task
// scheduled meanwhile with a shorter delay is not seen until the old head's time: it runs late,
// held back by a task due after it. Plain stress cannot tell late from slow; explore's virtual
// time can.
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
                changed_.wait_for(lock, chrono::milliseconds(1));
                continue;
            }
            const auto due = heap_.top().first;
            lock.unlock();
            this_thread::sleep_until(due);
            lock.lock();
            while (!heap_.empty() && heap_.top().first <= Clock::now()) {
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
    }

    mutex mu_;
    condition_variable changed_;
    priority_queue<Entry, vector<Entry>, greater<Entry>> heap_;
    map<int, function<void()>> pending_;
    int lastId_ = 0;
    bool stop_ = false;
    thread timer_;
};
