// expect: deadlock
// bug: post() notifies the actor before it puts the message in the inbox. An actor woken by that
// notify finds the inbox still empty and goes back to sleep; the message then arrives with no
// wakeup, and if nothing else is sent to that actor (the last credit, the balance report, the
// stop message) it sleeps forever with a message in its mailbox.
class Bank {
    struct Account {
        mutex m;                            // guards inbox
        condition_variable wake;
        deque<function<void()>> inbox;
        int balance = 0;                    // only this account's thread touches it
        thread worker;

        void post(function<void()> message) {
            wake.notify_one();  // BUG: the wakeup goes out before the message is in the inbox
            lock_guard<mutex> lock(m);
            inbox.push_back(std::move(message));
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
