// expect: accepted
// Boost.Thread, and tickets instead of a container: arrive() gives each user the next ticket, and
// the referees take tickets in order, each remembering which user holds it.
//
// Why it is correct: tickets are handed out and taken under one boost::mutex, so ticket t goes
// to the t-th arrival and is taken by exactly one referee, after every earlier ticket: arrival
// order, each user once. An idle referee waits on a boost::condition_variable in a loop on
// "a ticket is waiting, or closed"; both changes happen under the lock and are notified
// (notify_all at close, so every referee leaves), so no wakeup is lost and idle referees block.
class RefereeQueue {
public:
    RefereeQueue(int referees) {}

    void arrive(int userId) {
        {
            boost::lock_guard<boost::mutex> lock(mu_);
            holder_[next_ticket_++] = userId;
        }
        changed_.notify_one();
    }

    void referee(int refereeId, function<void(int)> officiate) {
        for (;;) {
            int user;
            {
                boost::unique_lock<boost::mutex> lock(mu_);
                while (served_ticket_ == next_ticket_ && !closed_) changed_.wait(lock);
                if (served_ticket_ == next_ticket_) return;
                auto it = holder_.find(served_ticket_++);
                user = it->second;
                holder_.erase(it);
            }
            officiate(user);
        }
    }

    void close() {
        {
            boost::lock_guard<boost::mutex> lock(mu_);
            closed_ = true;
        }
        changed_.notify_all();
    }

private:
    boost::mutex mu_;                    // guards every field below
    boost::condition_variable changed_;  // a ticket was handed out, or the queue closed
    long next_ticket_ = 0;               // the ticket the next arrival gets
    long served_ticket_ = 0;             // the next ticket a referee takes
    map<long, int> holder_;              // ticket -> the user holding it, while waiting
    bool closed_ = false;
};
