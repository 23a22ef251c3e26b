// expect: wrong_answer
// bug: a transfer checks the balance in one critical section and moves the money in another
// (check-then-act). Two transfers from one account can both see enough money before either
// withdraws, and together they overdraw it. The window between the two sections is a few
// instructions wide, so plain stress rarely hits it; explore switches threads after every
// unlock and finds it.
class Bank {
    mutex m;                  // guards money
    vector<long long> money;

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()) {}

    bool transfer(int from, int to, int amount) {
        {
            lock_guard<mutex> lock(m);
            if (money[from] < amount) return false;
        }
        lock_guard<mutex> lock(m);
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
