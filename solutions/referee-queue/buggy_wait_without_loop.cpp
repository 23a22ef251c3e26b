// expect: wrong_answer
// An idle referee waits once, under `if`, and takes an empty line on waking as "closed": after a
// spurious wakeup (which a condition variable may deliver), it goes home while the queue is still
// open. Plain stress almost never sees a spurious wakeup; explore injects them.
class RefereeQueue {
public:
    RefereeQueue(int referees) {}

    void arrive(int userId) {
        {
            lock_guard<mutex> lock(mu_);
            line_.push_back(userId);
            changed_.notify_all();
        }
    }

    void referee(int refereeId, function<void(int)> officiate) {
        for (;;) {
            int user;
            {
                unique_lock<mutex> lock(mu_);
                if (line_.empty() && !closed_) changed_.wait(lock);
                if (line_.empty()) return;
                user = line_.front();
                line_.pop_front();
            }
            officiate(user);
        }
    }

    void close() {
        {
            lock_guard<mutex> lock(mu_);
            closed_ = true;
        }
        changed_.notify_all();
    }

private:
    mutex mu_;
    condition_variable changed_;
    deque<int> line_;
    bool closed_ = false;
};
