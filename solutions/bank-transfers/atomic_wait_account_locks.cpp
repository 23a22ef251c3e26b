// expect: accepted
// primitive: one std::atomic<bool> per account as a lock, waited on with C++20 atomic wait/notify
//
// Why it is correct: account i's balance is only touched by the thread that turned held[i] from
// false to true (exchange(true, acquire) returned false), and that thread gives it back with a
// release store, so each balance has one owner at a time and every owner sees the last one's
// writes. A thread that finds the flag taken sleeps in held[i].wait(true) until the owner's store
// and notify_all: wait returns only once the value may have changed and the loop tries again, so
// a notify sent before the wait is not lost (wait compares first) and a spurious return costs one
// more try. A transfer holds both of its accounts while it checks and moves, so it takes effect
// at one instant and never overdraws. Locks are always taken in increasing account order, by
// transfers and by audit, so a thread holding i only waits for some j > i: no cycle of waits.
// audit holds every account while it sums: no transfer is half done in its snapshot.
class Bank {
    vector<long long> money;           // money[i] guarded by held[i]
    unique_ptr<atomic<bool>[]> held;  // held[i]: account i is taken
    int n;

    void take(int i) {
        while (held[i].exchange(true, memory_order_acquire)) held[i].wait(true, memory_order_relaxed);
    }
    void give(int i) {
        held[i].store(false, memory_order_release);
        held[i].notify_all();
    }

public:
    Bank(vector<int> balances)
        : money(balances.begin(), balances.end()),
          held(new atomic<bool>[balances.size()]),
          n(static_cast<int>(balances.size())) {
        for (int i = 0; i < n; ++i) held[i].store(false, memory_order_relaxed);
    }

    bool transfer(int from, int to, int amount) {
        const int first = min(from, to), second = max(from, to);
        take(first);
        take(second);
        const bool ok = money[from] >= amount;
        if (ok) {
            money[from] -= amount;
            money[to] += amount;
        }
        give(second);
        give(first);
        return ok;
    }

    int balance(int account) {
        take(account);
        const int b = static_cast<int>(money[account]);
        give(account);
        return b;
    }

    long long audit() {
        for (int i = 0; i < n; ++i) take(i);
        long long total = 0;
        for (long long b : money) total += b;
        for (int i = n - 1; i >= 0; --i) give(i);
        return total;
    }
};
