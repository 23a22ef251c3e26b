// expect: runtime_error
// bug: the source actor looks the destination up with accounts.at(to) without checking first, so
// a transfer to a missing account throws std::out_of_range on the actor's thread and the whole
// program ends, instead of the error coming back as a "no such account" message. It looks the
// destination up before it checks the funds, so that the throw is the one symptom (had it checked
// the funds first, a poor source would answer "insufficient funds" for a missing account, a
// wrong_answer that explore found in 1 of 5 runs).
class Bank {
    struct Account {
        mutex m;                            // guards inbox
        condition_variable wake;
        deque<function<void()>> inbox;
        int balance = 0;                    // only this account's thread touches it
        thread worker;

        void post(function<void()> message) {
            {
                lock_guard<mutex> lock(m);
                inbox.push_back(std::move(message));
            }
            wake.notify_one();
        }
        void loop() {
            for (;;) {
                function<void()> message;
                {
                    unique_lock<mutex> lock(m);
                    wake.wait(lock, [&] { return !inbox.empty(); });
                    message = std::move(inbox.front());
                    inbox.pop_front();
                }
                if (!message) return;  // the stop message
                message();
            }
        }
    };

    vector<unique_ptr<Account>> accounts;
    function<void(int, int, int)> record;
    mutex m;                 // guards in_flight
    condition_variable quiet;
    int in_flight = 0;

    void answered(function<void(int, string)>& done, int id, const string& outcome) {
        done(id, outcome);
        lock_guard<mutex> lock(m);
        if (--in_flight == 0) quiet.notify_all();
    }

public:
    Bank(vector<int> balances, function<void(int account, int transfer, int balance)> record)
        : record(std::move(record)) {
        for (int b : balances) {
            accounts.push_back(make_unique<Account>());
            accounts.back()->balance = b;
        }
        for (auto& a : accounts) a->worker = thread([p = a.get()] { p->loop(); });
    }

    void transfer(int id, int from, int to, int amount, function<void(int id, string outcome)> done) {
        {
            lock_guard<mutex> lock(m);
            ++in_flight;
        }
        const int n = static_cast<int>(accounts.size());
        if (from < 0 || from >= n) return answered(done, id, "no such account");
        accounts[from]->post([this, id, from, to, amount, n, done]() mutable {
            Account& src = *accounts[from];
            Account& dst = *accounts.at(to);  // BUG: throws for a missing account
            if (src.balance < amount) return answered(done, id, "insufficient funds");
            src.balance -= amount;
            record(from, id, src.balance);
            dst.post([this, id, to, amount, done]() mutable {
                Account& dst = *accounts[to];
                dst.balance += amount;
                record(to, id, dst.balance);
                answered(done, id, "ok");
            });
        });
    }

    vector<int> balances() {
        {
            unique_lock<mutex> lock(m);
            quiet.wait(lock, [&] { return in_flight == 0; });
        }
        vector<future<int>> reports;
        for (auto& a : accounts) {
            auto p = make_shared<promise<int>>();
            reports.push_back(p->get_future());
            a->post([p, acc = a.get()] { p->set_value(acc->balance); });
        }
        vector<int> out;
        for (auto& r : reports) out.push_back(r.get());
        return out;
    }

    ~Bank() {
        for (auto& a : accounts) a->post(nullptr);
        for (auto& a : accounts) a->worker.join();
    }
};
