class Bank {
public:
    Bank(vector<int> balances) {

    }

    bool transfer(int from, int to, int amount) {

    }

    int balance(int account) {

    }

    long long audit() {

    }
};
