// expect: time_limit
// acquire() retries tryAcquire() in a loop with yield() in between: the grants are right, but a
// caller waiting for its token keeps a core busy the whole time instead of sleeping.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        while (!tryAcquire()) this_thread::yield();
    }

    bool tryAcquire() {
        lock_guard<mutex> lock(mu_);
        const auto now = Clock::now();
        tokens_ = min<double>(burst_, tokens_ + chrono::duration<double>(now - last_).count() * rate_);
        last_ = now;
        if (tokens_ < 1) return false;
        tokens_ -= 1;
        return true;
    }

private:
    const double rate_;
    const int burst_;
    mutex mu_;
    double tokens_;
    Clock::time_point last_;
};
