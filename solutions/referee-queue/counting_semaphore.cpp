// expect: accepted
// A counting semaphore counts the referees' reasons to wake: one token per arriving user, and
// one per referee at close(). The line itself is a deque under a mutex.
//
// Why it is correct: each user's token is released after the user is in the line, so a referee
// that acquires a token finds the line non-empty unless the token came from close(); the pop is
// under the lock, at the front, so users are served in arrival order, each once. A referee leaves
// only when it holds a token and finds the line empty after close (every user arrived before
// close()), so no user is left behind; the tokens add up to users + referees, so every referee
// gets one and leaves. acquire() blocks in the kernel (no polling), and a release before the
// acquire is counted, not lost.
class RefereeQueue {
public:
    RefereeQueue(int referees) : referees_(referees) {}

    void arrive(int userId) {
        {
            lock_guard<mutex> lock(mu_);
            line_.push_back(userId);
        }
        wake_.release();
    }

    void referee(int refereeId, function<void(int)> officiate) {
        for (;;) {
            wake_.acquire();
            int user;
            {
                lock_guard<mutex> lock(mu_);
                if (line_.empty()) return;  // a close() token, and nobody is left waiting
                user = line_.front();
                line_.pop_front();
            }
            officiate(user);
        }
    }

    void close() { wake_.release(referees_); }

private:
    const int referees_;
    counting_semaphore<> wake_{0};  // tokens: one per user not yet taken, plus close()'s
    mutex mu_;                      // guards line_
    deque<int> line_;               // waiting users, first arrived at the front
};
