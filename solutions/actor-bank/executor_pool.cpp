// expect: accepted
// primitive: actors on a shared executor: two pool threads, a ready queue (std::mutex + one
// condition variable), and per actor a mailbox with a "scheduled" flag under the actor's mutex
//
// Why it is correct: an actor is in the ready queue or being run by a pool thread exactly while
// its `scheduled` flag is set, and the flag is set only by the post that finds it clear, so at
// most one pool thread runs an actor at a time, taking its messages in FIFO order: the balance,
// touched only by the running handler, needs no lock of its own. Successive runs of one actor on
// different pool threads are ordered through the actor's mutex (the run that clears the flag
// releases it; the post that sets it again and the next run's first pull acquire it), so each run
// sees the previous one's balance. No wakeup is lost: a post that finds the flag clear queues the
// actor and notifies the pool under the pool's lock, and pool threads wait in a loop on "ready
// queue not empty or stopping". Handlers never wait for another actor, so nothing deadlocks.
// balances() waits for `in_flight` (guarded by `m`) to reach zero and then asks every actor with
// a report message; the destructor stops the pool once its queue is empty and joins both threads.
class Bank {
    struct Account {
        mutex m;                            // guards inbox, scheduled
        deque<function<void()>> inbox;
        bool scheduled = false;             // queued in the pool or being run
        int balance = 0;                    // touched only by the handler being run
    };

    mutex pool_m;                // guards ready, stopping
    condition_variable work;
    deque<Account*> ready;
    bool stopping = false;
    vector<thread> pool;

    vector<unique_ptr<Account>> accounts;
    function<void(int, int, int)> record;
    mutex m;                     // guards in_flight
    condition_variable quiet;
    int in_flight = 0;

    void post(Account& a, function<void()> message) {
        bool queue_it = false;
        {
            lock_guard<mutex> lock(a.m);
            a.inbox.push_back(std::move(message));
            if (!a.scheduled) a.scheduled = queue_it = true;
        }
        if (!queue_it) return;
        lock_guard<mutex> lock(pool_m);
        ready.push_back(&a);
        work.notify_one();
    }

    void run_pool() {
        for (;;) {
            Account* a;
            {
                unique_lock<mutex> lock(pool_m);
                work.wait(lock, [&] { return stopping || !ready.empty(); });
                if (ready.empty()) return;
                a = ready.front();
                ready.pop_front();
            }
            for (;;) {
                function<void()> message;
                {
                    lock_guard<mutex> lock(a->m);
                    if (a->inbox.empty()) {
                        a->scheduled = false;
                        break;
                    }
                    message = std::move(a->inbox.front());
                    a->inbox.pop_front();
                }
                message();
            }
        }
    }

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
        for (int i = 0; i < 2; ++i) pool.emplace_back([this] { run_pool(); });
    }

    void transfer(int id, int from, int to, int amount, function<void(int id, string outcome)> done) {
        {
            lock_guard<mutex> lock(m);
            ++in_flight;
        }
        const int n = static_cast<int>(accounts.size());
        if (from < 0 || from >= n || to < 0 || to >= n) return answered(done, id, "no such account");
        post(*accounts[from], [this, id, from, to, amount, done]() mutable {
            Account& src = *accounts[from];
            if (src.balance < amount) return answered(done, id, "insufficient funds");
            src.balance -= amount;
            record(from, id, src.balance);
            post(*accounts[to], [this, id, to, amount, done]() mutable {
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
            post(*a, [p, acc = a.get()] { p->set_value(acc->balance); });
        }
        vector<int> out;
        for (auto& r : reports) out.push_back(r.get());
        return out;
    }

    ~Bank() {
        {
            lock_guard<mutex> lock(pool_m);
            stopping = true;
        }
        work.notify_all();
        for (auto& t : pool) t.join();
    }
};
