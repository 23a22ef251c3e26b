// expect: time_limit
// An idle referee polls: it unlocks, yields and looks at the line again, over and over. The
// answers are right, but every idle referee burns a core while there is nobody to officiate.
class RefereeQueue {
public:
    RefereeQueue(int referees) {}

    void arrive(int userId) {
        lock_guard<mutex> lock(mu_);
        line_.push_back(userId);
    }

    void referee(int refereeId, function<void(int)> officiate) {
        for (;;) {
            int user;
            {
                unique_lock<mutex> lock(mu_);
                while (line_.empty() && !closed_) {
                    lock.unlock();
                    this_thread::yield();
                    lock.lock();
                }
                if (line_.empty()) return;
                user = line_.front();
                line_.pop_front();
            }
            officiate(user);
        }
    }

    void close() {
        lock_guard<mutex> lock(mu_);
        closed_ = true;
    }

private:
    mutex mu_;
    deque<int> line_;
    bool closed_ = false;
};
