// expect: deadlock
// judge-mode: explore
// judge-budget: 10
// bug: the count of transfers in flight is an atomic changed and signalled without the lock that
// balances() waits under. The last answer can land between balances() seeing "one still in
// flight" and going to sleep: its notify finds nobody waiting, and balances() sleeps forever.
// Stress missed it in 5 of 5 two-second runs here (about 12,000 trials); explore found it in 2 of
// 3 two-second runs (after 450 to 620 schedules), hence the longer exploration in its test.
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
    mutex m;                 // for the quiet wait (in_flight is atomic: the bug)
    condition_variable quiet;
    atomic<int> in_flight{0};

    void answered(function<void(int, string)>& done, int id, const string& outcome) {
        done(id, outcome);
        if (--in_flight == 0) quiet.notify_all();  // BUG: not under `m`
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
        ++in_flight;
        const int n = static_cast<int>(accounts.size());
        if (from < 0 || from >= n) return answered(done, id, "no such account");
        accounts[from]->post([this, id, from, to, amount, n, done]() mutable {
            Account& src = *accounts[from];
            if (to < 0 || to >= n) return answered(done, id, "no such account");
            if (src.balance < amount) return answered(done, id, "insufficient funds");
            src.balance -= amount;
            record(from, id, src.balance);
            accounts[to]->post([this, id, to, amount, done]() mutable {
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
