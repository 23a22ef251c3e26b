// expect: wrong_answer
// Refills without the cap: while nobody asks, tokens pile up beyond burst, and after a quiet
// moment the bucket lets a burst far larger than `burst` through at once.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        unique_lock<mutex> lock(mu_);
        for (;;) {
            refillLocked();
            if (tokens_ >= 1) {
                tokens_ -= 1;
                return;
            }
            tokenDue_.wait_for(lock, chrono::duration<double>((1 - tokens_) / rate_));
        }
    }

    bool tryAcquire() {
        lock_guard<mutex> lock(mu_);
        refillLocked();
        if (tokens_ < 1) return false;
        tokens_ -= 1;
        return true;
    }

private:
    void refillLocked() {
        const auto now = Clock::now();
        tokens_ += chrono::duration<double>(now - last_).count() * rate_;
        last_ = now;
    }

    const double rate_;
    mutex mu_;
    condition_variable tokenDue_;
    double tokens_;
    Clock::time_point last_;
};
