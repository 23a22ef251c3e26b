// expect: accepted
// Reservations (as Guava's RateLimiter does it): acquire() always takes a token, letting the
// bucket go into debt, and then sleeps, without any lock, until its debt is paid. tryAcquire()
// only succeeds when the bucket holds a whole token and nobody is in debt.
//
// Why it is correct: the bucket is changed only under mu_; a caller that leaves it at -d tokens
// returns d / rate seconds later, when refilling (continuous, capped at burst) has brought it
// back to 0, so every grant happens at a time the bucket had its token: at most burst + rate * t
// grants in a window of length t. Sleeping callers hold no lock and need no wakeup (the time is
// known in advance), and sleep_until blocks in the kernel instead of spinning.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        Clock::time_point paid;
        {
            lock_guard<mutex> lock(mu_);
            refillLocked();
            tokens_ -= 1;
            if (tokens_ >= 0) return;
            paid = last_ + chrono::duration_cast<Clock::duration>(
                               chrono::duration<double>(-tokens_ / rate_)) + chrono::nanoseconds(1);
        }
        this_thread::sleep_until(paid);
    }

    bool tryAcquire() {
        lock_guard<mutex> lock(mu_);
        refillLocked();
        if (tokens_ < 1) return false;
        tokens_ -= 1;
        return true;
    }

private:
    // Requires mu_.
    void refillLocked() {
        const auto now = Clock::now();
        tokens_ = min<double>(burst_, tokens_ + chrono::duration<double>(now - last_).count() * rate_);
        last_ = now;
    }

    const double rate_;
    const int burst_;
    mutex mu_;         // guards tokens_ and last_
    double tokens_;    // may be negative: the debt of callers still sleeping
    Clock::time_point last_;
};
