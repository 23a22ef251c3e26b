// expect: wrong_answer
// Checks for a token in one critical section and takes it in another: two callers racing for
// the last token both see it, both take it, and the bucket grants one more than it holds.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        while (!tryAcquire()) this_thread::sleep_for(chrono::microseconds(100));
    }

    bool tryAcquire() {
        bool available;
        {
            lock_guard<mutex> lock(mu_);
            refillLocked();
            available = tokens_ >= 1;
        }
        if (!available) return false;
        lock_guard<mutex> lock(mu_);
        tokens_ -= 1;
        return true;
    }

private:
    void refillLocked() {
        const auto now = Clock::now();
        tokens_ = min<double>(burst_, tokens_ + chrono::duration<double>(now - last_).count() * rate_);
        last_ = now;
    }

    const double rate_;
    const int burst_;
    mutex mu_;
    double tokens_;
    Clock::time_point last_;
};
