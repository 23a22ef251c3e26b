// expect: accepted
// One line (a deque) under one mutex; idle referees wait on a condition variable until the line
// has a user or the queue is closed.
//
// Why it is correct: arrive() pushes at the back and referees pop at the front under the same
// lock, so users are taken in arrival order and each exactly once. A referee waits in a loop on
// "line not empty or closed", a predicate only changed under the lock, and every change is
// followed by a notify (one user: notify_one; close: notify_all, since every referee must
// leave), so a spurious wakeup or a notify before the wait loses nothing. The match runs outside
// the lock, so referees officiate in parallel; a referee leaves only when closed and the line is
// empty. Waiting referees sleep in the kernel: no CPU while idle.
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
                if (line_.empty()) return;  // closed, and nobody is left waiting
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
    mutex mu_;                    // guards line_ and closed_
    condition_variable changed_;  // a user arrived, or the queue closed
    deque<int> line_;             // waiting users, first arrived at the front
    bool closed_ = false;
};
