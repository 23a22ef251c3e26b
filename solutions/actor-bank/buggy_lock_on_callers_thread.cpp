// expect: wrong_answer
// bug: the shared-state answer: one mutex over every balance and the transfer done right there on
// the caller's thread. It is a correct bank, but not an actor system: the accounts are changed by
// whichever thread calls transfer(), not by their own actors
class Bank {
    mutex m;                 // guards balance
    vector<int> balance;
    function<void(int, int, int)> record;

public:
    Bank(vector<int> balances, function<void(int account, int transfer, int balance)> record)
        : balance(balances), record(std::move(record)) {}

    void transfer(int id, int from, int to, int amount, function<void(int id, string outcome)> done) {
        const int n = static_cast<int>(balance.size());
        if (from < 0 || from >= n || to < 0 || to >= n) return done(id, "no such account");
        {
            lock_guard<mutex> lock(m);
            if (balance[from] < amount) return done(id, "insufficient funds");
            balance[from] -= amount;
            record(from, id, balance[from]);  // BUG: on the caller's thread
            balance[to] += amount;
            record(to, id, balance[to]);
        }
        done(id, "ok");
    }

    vector<int> balances() {
        lock_guard<mutex> lock(m);
        return balance;
    }
};
