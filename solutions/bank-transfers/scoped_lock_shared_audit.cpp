// expect: accepted
// primitive: std::scoped_lock on two account mutexes, plus a std::shared_mutex for audit
//
// Why it is correct: account i's balance is only touched under locks[i]. A transfer first holds
// `world` shared, then takes both account locks with std::scoped_lock, whose std::lock
// algorithm locks one, tries the other and backs off instead of waiting while holding, so two
// opposite transfers cannot deadlock. audit takes `world` exclusively: no transfer or balance
// read is inside then, so the balances it sums form one consistent snapshot. Every thread takes
// `world` before any account lock and never the other way round, so that pair of levels cannot
// form a cycle either. Transfers on disjoint accounts run in parallel.
class Bank {
    shared_mutex world;       // shared: transfers and reads; exclusive: audit
    vector<long long> money;  // money[i] guarded by locks[i] (or by `world` held exclusively)
    vector<mutex> locks;

public:
    Bank(vector<int> balances) : money(balances.begin(), balances.end()), locks(balances.size()) {}

    bool transfer(int from, int to, int amount) {
        shared_lock<shared_mutex> everyone(world);
        scoped_lock both(locks[from], locks[to]);
        if (money[from] < amount) return false;
        money[from] -= amount;
        money[to] += amount;
        return true;
    }

    int balance(int account) {
        shared_lock<shared_mutex> everyone(world);
        lock_guard<mutex> lock(locks[account]);
        return static_cast<int>(money[account]);
    }

    long long audit() {
        unique_lock<shared_mutex> alone(world);
        long long total = 0;
        for (long long b : money) total += b;
        return total;
    }
};
