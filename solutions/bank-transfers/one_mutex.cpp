// expect: accepted
// primitive: one std::mutex for the whole bank
//
// Why it is correct: every method runs entirely under `m`, so each takes effect at one instant:
// a transfer checks and moves in one critical section (no overdraft, nothing lost), and audit
// sums every balance with no transfer half done. One lock, never held while waiting for
// another, cannot deadlock; nothing waits on a condition, so there is no wakeup to lose. Correct
// but serial: transfers between unrelated accounts take turns.
class Bank {
    mutex m;                  // guards money
    vector<long long> money;  // account -> balance

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()) {}

    bool transfer(int from, int to, int amount) {
        lock_guard<mutex> lock(m);
        if (money[from] < amount) return false;
        money[from] -= amount;
        money[to] += amount;
        return true;
    }

    int balance(int account) {
        lock_guard<mutex> lock(m);
        return static_cast<int>(money[account]);
    }

    long long audit() {
        lock_guard<mutex> lock(m);
        long long total = 0;
        for (long long b : money) total += b;
        return total;
    }
};
