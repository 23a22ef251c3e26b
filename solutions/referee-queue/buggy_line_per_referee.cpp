// expect: wrong_answer
// Users are dealt round-robin into one line per referee when they arrive. A user who lands
// behind a long match waits while another referee, whose line is empty, sits idle or serves
// someone who arrived later.
class RefereeQueue {
public:
    RefereeQueue(int referees) : lines_(referees) {}

    void arrive(int userId) {
        {
            lock_guard<mutex> lock(mu_);
            lines_[next_++ % lines_.size()].push_back(userId);
        }
        changed_.notify_all();
    }

    void referee(int refereeId, function<void(int)> officiate) {
        deque<int>& mine = lines_[refereeId];
        for (;;) {
            int user;
            {
                unique_lock<mutex> lock(mu_);
                changed_.wait(lock, [&] { return !mine.empty() || closed_; });
                if (mine.empty()) return;
                user = mine.front();
                mine.pop_front();
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
    vector<deque<int>> lines_;
    size_t next_ = 0;
    bool closed_ = false;
};
