// expect: wrong_answer
// bug: audit locks one account at a time while summing. A transfer from an account audit has
// already read to one it has not read yet is counted twice (or, the other way, not at all):
// the total it returns is not the total of any one moment.
class Bank {
    vector<long long> money;  // money[i] guarded by locks[i]
    vector<mutex> locks;

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()), locks(balances.size()) {}

    bool transfer(int from, int to, int amount) {
        scoped_lock both(locks[from], locks[to]);
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
        long long total = 0;
        for (size_t i = 0; i < money.size(); ++i) {
            lock_guard<mutex> lock(locks[i]);
            total += money[i];
        }
        return total;
    }
};
