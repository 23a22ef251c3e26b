// expect: accepted
// The classic token bucket under one mutex: tokens refill continuously from the time elapsed
// since the last refill, capped at burst; a caller without a token waits on a condition variable
// until the moment the next whole token is due, then looks again.
//
// Why it is correct: every read and change of tokens_ and last_ happens under mu_, so two callers
// can never both take the last token, and the bucket never holds more than burst: at most
// burst + rate * t grants in any window of length t. A waiter re-checks after every return of
// wait_until (timeout, spurious wakeup or notify), so waking early grants nothing; nothing needs
// to notify it, since it sleeps until the token is due. It sleeps in the kernel: no spinning.
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst) : rate_(rate), burst_(burst), tokens_(burst), last_(Clock::now()) {}

    void acquire() {
        unique_lock<mutex> lock(mu_);
        for (;;) {
            refillLocked();
            if (tokens_ >= 1) {
                tokens_ -= 1;
                return;
            }
            const auto due = last_ + chrono::duration_cast<Clock::duration>(
                                         chrono::duration<double>((1 - tokens_) / rate_));
            tokenDue_.wait_until(lock, due);
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
    // Requires mu_.
    void refillLocked() {
        const auto now = Clock::now();
        tokens_ = min<double>(burst_, tokens_ + chrono::duration<double>(now - last_).count() * rate_);
        last_ = now;
    }

    const double rate_;
    const int burst_;
    mutex mu_;                       // guards tokens_ and last_
    condition_variable tokenDue_;    // only timed waits: a token comes with time, not a notify
    double tokens_;                  // tokens in the bucket at last_
    Clock::time_point last_;
};
