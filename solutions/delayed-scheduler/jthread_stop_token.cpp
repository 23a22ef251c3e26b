// expect: accepted
// C++20: a std::jthread whose stop_token ends the timer loop, condition_variable_any's waits that
// also return on a stop request, and an ordered std::set of (due, id) instead of a heap, so that
// cancel() removes the entry itself.
//
// Why it is correct: the set, the tasks and the ids change only under mu_. The timer thread waits
// in a loop until the earliest due time; any change of the earliest entry notifies it, and after
// every return of the wait it reads the clock and the set again, so it never runs a task early,
// always runs the earliest one first, and never keeps sleeping for an old head. A task leaves the
// set either to run (taken under the lock) or by cancel() (under the lock): exactly one of them
// happens, so cancel() returns true only for a task that will never run. Stop requests wake the
// waits (the stop_token overloads), and the jthread's destructor requests stop and joins.
class DelayedScheduler {
    using Clock = chrono::steady_clock;

public:
    DelayedScheduler() : timer_([this](stop_token stop) { loop(stop); }) {}

    ~DelayedScheduler() {
        timer_.request_stop();
        timer_.join();
    }

    int schedule(function<void()> task, chrono::milliseconds delay) {
        const auto due = Clock::now() + delay;
        lock_guard<mutex> lock(mu_);
        const int id = ++lastId_;
        dueOf_[id] = due;
        tasks_[id] = std::move(task);
        order_.emplace(due, id);
        if (order_.begin()->second == id) changed_.notify_one();
        return id;
    }

    bool cancel(int id) {
        lock_guard<mutex> lock(mu_);
        auto it = dueOf_.find(id);
        if (it == dueOf_.end()) return false;  // running, ran, cancelled or unknown
        order_.erase({it->second, id});
        tasks_.erase(id);
        dueOf_.erase(it);
        return true;
    }

private:
    void loop(stop_token stop) {
        unique_lock<mutex> lock(mu_);
        while (!stop.stop_requested()) {
            if (order_.empty()) {
                changed_.wait(lock, stop, [&] { return !order_.empty(); });
                continue;
            }
            const auto [due, id] = *order_.begin();
            if (Clock::now() < due) {
                changed_.wait_until(lock, stop, due, [&] { return order_.begin()->second != id; });
                continue;
            }
            order_.erase(order_.begin());
            function<void()> task = std::move(tasks_[id]);
            tasks_.erase(id);
            dueOf_.erase(id);
            lock.unlock();
            task();
            lock.lock();
        }
    }

    mutex mu_;                                      // guards every field below but timer_
    condition_variable_any changed_;                // a new earliest task (stop wakes it too)
    set<pair<Clock::time_point, int>> order_;       // pending tasks by due time
    map<int, Clock::time_point> dueOf_;             // id -> due, for cancel
    map<int, function<void()>> tasks_;              // id -> task
    int lastId_ = 0;
    jthread timer_;  // started last, after the fields it uses
};
