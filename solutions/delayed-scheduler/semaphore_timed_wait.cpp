// expect: accepted
// A counting semaphore wakes the timer thread: it waits with try_acquire_until(earliest due)
// (or acquire() when nothing is pending), and schedule() releases a token whenever the new task
// is the earliest; the destructor releases one after setting stop_. Tasks wait in an ordered
// std::multimap from due time to (id, task), under a mutex.
//
// Why it is correct: the map, the id index and stop_ change only under mu_. Every wait ends on a
// token or the deadline, and after it the timer thread reads the clock and the map again: a task
// never runs early, the earliest runs first, and a token released by schedule() for a sooner task
// ends the wait for the old head. A token released before the wait is counted, not lost, and a
// spare token only costs one more look. A task leaves the map under the lock either to run or
// through cancel(), never both, so a cancelled task never runs.
class DelayedScheduler {
    using Clock = chrono::steady_clock;
    using Queue = multimap<Clock::time_point, pair<int, function<void()>>>;

public:
    DelayedScheduler() : timer_([this] { loop(); }) {}

    ~DelayedScheduler() {
        {
            lock_guard<mutex> lock(mu_);
            stop_ = true;
        }
        wake_.release();
        timer_.join();
    }

    int schedule(function<void()> task, chrono::milliseconds delay) {
        const auto due = Clock::now() + delay;
        bool earliest;
        int id;
        {
            lock_guard<mutex> lock(mu_);
            id = ++lastId_;
            where_[id] = queue_.emplace(due, make_pair(id, std::move(task)));
            earliest = queue_.begin()->second.first == id;
        }
        if (earliest) wake_.release();
        return id;
    }

    bool cancel(int id) {
        lock_guard<mutex> lock(mu_);
        auto it = where_.find(id);
        if (it == where_.end()) return false;  // running, ran, cancelled or unknown
        queue_.erase(it->second);
        where_.erase(it);
        return true;
    }

private:
    void loop() {
        for (;;) {
            function<void()> task;
            {
                unique_lock<mutex> lock(mu_);
                if (stop_) return;
                if (queue_.empty()) {
                    lock.unlock();
                    wake_.acquire();
                    continue;
                }
                const auto due = queue_.begin()->first;
                if (Clock::now() < due) {
                    lock.unlock();
                    (void)wake_.try_acquire_until(due);
                    continue;  // a token or the deadline: look again
                }
                auto head = queue_.begin();
                where_.erase(head->second.first);
                task = std::move(head->second.second);
                queue_.erase(head);
            }
            task();
        }
    }

    mutex mu_;                      // guards every field below but wake_ and timer_
    Queue queue_;                   // pending tasks by due time
    map<int, Queue::iterator> where_;  // id -> its entry, for cancel
    int lastId_ = 0;
    bool stop_ = false;
    counting_semaphore<> wake_{0};  // a sooner task, or stop
    thread timer_;                  // started last, after the fields it uses
};
