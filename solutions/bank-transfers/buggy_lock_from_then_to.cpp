// expect: deadlock
// bug: a transfer locks the source account and then the destination. transfer(0, 1) holds
// account 0 and waits for account 1 while transfer(1, 0) holds account 1 and waits for
// account 0: neither can go on (the classic lock-order deadlock).
class Bank {
    vector<long long> money;  // money[i] guarded by locks[i]
    vector<mutex> locks;

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()), locks(balances.size()) {}

    bool transfer(int from, int to, int amount) {
        lock_guard<mutex> a(locks[from]);
        lock_guard<mutex> b(locks[to]);
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
