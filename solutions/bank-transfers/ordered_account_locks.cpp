// expect: accepted
// primitive: one std::mutex per account, always locked in increasing account order
//
// Why it is correct: account i's balance is only touched under locks[i]. A transfer holds both
// of its accounts' locks while it checks and moves, so it takes effect at one instant and never
// overdraws. Every thread takes locks in increasing account number, whatever the direction of
// the transfer, and audit takes all of them in that same order: a thread holding lock i only
// ever waits for a lock j > i, so no cycle of waits (and no deadlock) can form. audit holds every
// lock while it sums, so no transfer is half done in its snapshot. Transfers on disjoint
// accounts run in parallel. Nothing waits on a condition, so no wakeup can be lost.
class Bank {
    vector<long long> money;  // money[i] guarded by locks[i]
    vector<mutex> locks;

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()), locks(balances.size()) {}

    bool transfer(int from, int to, int amount) {
        mutex& first = locks[min(from, to)];
        mutex& second = locks[max(from, to)];
        lock_guard<mutex> a(first);
        lock_guard<mutex> b(second);
        if (money[from] < amount) return false;
        money[from] -= amount;
        money[to] += amount;
        return true;
    }

    int balance(int account) {
        lock_guard<mutex> lock(locks[account]);
        return static_cast<int>(money[account]);
    }

    long long audit() {
        for (auto& l : locks) l.lock();
        long long total = 0;
        for (long long b : money) total += b;
        for (auto it = locks.rbegin(); it != locks.rend(); ++it) it->unlock();
        return total;
    }
};
