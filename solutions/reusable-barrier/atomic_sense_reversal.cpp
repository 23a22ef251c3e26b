// expect: accepted
// primitive: std::atomic with C++20 wait/notify (a sense-reversing barrier)
//
// Why it is correct: each arrival takes a ticket with one fetch_add. The last one (ticket n-1)
// resets the count *before* it advances the round number, and only then notifies; the others wait
// on the round number they saw before taking their ticket. A waiter leaves only after the round
// number changed, which happens after the reset, so a thread that comes back at once is counted
// in the new round. atomic::wait returns only when the value differs from the old one, and the
// change comes before the notify, so no wakeup is lost.
class ReusableBarrier {
    const int n;
    atomic<int> count{0};        // arrivals in the current round
    atomic<unsigned> round{0};   // completed rounds; waiters block on it

public:
    ReusableBarrier(int n) : n(n) {}

    void wait() {
        const unsigned mine = round.load(memory_order_acquire);
        if (count.fetch_add(1, memory_order_acq_rel) == n - 1) {
            count.store(0, memory_order_relaxed);
            round.fetch_add(1, memory_order_release);
            round.notify_all();
            return;
        }
        while (round.load(memory_order_acquire) == mine) round.wait(mine, memory_order_acquire);
    }
};
