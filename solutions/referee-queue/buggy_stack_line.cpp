// expect: wrong_answer
// The line is a vector used as a stack: referees take the user who arrived last, so a user who
// came early waits behind everyone who came after.
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
                user = line_.back();
                line_.pop_back();
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
    vector<int> line_;
    bool closed_ = false;
};
