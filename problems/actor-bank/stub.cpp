class Bank {
public:
    Bank(vector<int> balances, function<void(int account, int transfer, int balance)> record) {

    }

    void transfer(int id, int from, int to, int amount, function<void(int id, string outcome)> done) {

    }

    vector<int> balances() {
        return {};
    }

    ~Bank() {

    }
};
