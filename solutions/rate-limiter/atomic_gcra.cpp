// expect: accepted
// Lock-free GCRA (the "generic cell rate algorithm" of ATM networks, used by many API gateways):
// one atomic holds the theoretical arrival time (TAT) of the next request in nanoseconds. A
// request at time now conforms once now >= TAT - (burst - 1) * interval; taking it moves TAT to
// max(TAT, now) + interval. acquire() reserves its slot with a compare-and-swap and sleeps until
// the slot; tryAcquire() swaps only when the request conforms right now.
//
// Why it is correct: every grant moves TAT forward by one interval in one successful CAS, so two
// callers can never take the same slot (a lost race retries from the new TAT). Grant k happens
// no earlier than TAT_(k-1) - (burst - 1) * interval, and TAT grows by at least an interval per
// grant, so n grants span at least (n - burst) intervals: at most burst + rate * t in any window
// of length t. Waiting callers sleep until a known time (no wakeup to lose, no spinning).
class RateLimiter {
    using Clock = chrono::steady_clock;

public:
    RateLimiter(int rate, int burst)
        : interval_(1000000000LL / rate), tolerance_((burst - 1) * interval_), tat_(nowNs()) {}

    void acquire() {
        long long tat = tat_.load();
        long long slot;
        for (;;) {
            const long long now = nowNs();
            slot = max(now, tat - tolerance_);
            if (tat_.compare_exchange_weak(tat, max(tat, slot) + interval_)) break;
        }
        this_thread::sleep_until(Clock::time_point(chrono::nanoseconds(slot)));
    }

    bool tryAcquire() {
        long long tat = tat_.load();
        for (;;) {
            const long long now = nowNs();
            if (now < tat - tolerance_) return false;
            if (tat_.compare_exchange_weak(tat, max(tat, now) + interval_)) return true;
        }
    }

private:
    static long long nowNs() {
        return chrono::duration_cast<chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
    }

    const long long interval_;   // ns per token
    const long long tolerance_;  // how far ahead of TAT a request may come: (burst - 1) intervals
    atomic<long long> tat_;      // the theoretical arrival time of the next request, ns
};
