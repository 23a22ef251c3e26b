// expect: wrong_answer
// Reservations with one timed wait: a caller in debt waits on a condition variable until its
// slot, once, trusting that wait_until only returns at the deadline. A spurious wakeup (which a
// condition variable may deliver) ends the wait early and the token is granted before it was
// due. Plain stress almost never sees a spurious wakeup; explore injects them.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        unique_lock<mutex> lock(mu_);
        refillLocked();
        tokens_ -= 1;
        if (tokens_ >= 0) return;
        const auto paid = last_ + chrono::duration_cast<Clock::duration>(
                                      chrono::duration<double>(-tokens_ / rate_)) + chrono::nanoseconds(1);
        slotDue_.wait_until(lock, paid);
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
        tokens_ = min<double>(burst_, tokens_ + chrono::duration<double>(now - last_).count() * rate_);
        last_ = now;
    }

    const double rate_;
    const int burst_;
    mutex mu_;
    condition_variable slotDue_;
    double tokens_;
    Clock::time_point last_;
};
