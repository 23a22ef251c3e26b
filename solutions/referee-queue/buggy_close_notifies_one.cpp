// expect: deadlock
// close() wakes one waiting referee with notify_one: that one goes home, and every other idle
// referee sleeps on, waiting for a user who will never come.
class RefereeQueue {
public:
    RefereeQueue(int referees) {}

    void arrive(int userId) {
        {
            lock_guard<mutex> lock(mu_);
            line_.push_back(userId);
        }
        changed_.notify_one();
    }

    void referee(int refereeId, function<void(int)> officiate) {
        for (;;) {
            int user;
            {
                unique_lock<mutex> lock(mu_);
                changed_.wait(lock, [&] { return !line_.empty() || closed_; });
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
        changed_.notify_one();
    }

private:
    mutex mu_;
    condition_variable changed_;
    deque<int> line_;
    bool closed_ = false;
};
