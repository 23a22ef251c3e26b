// expect: accepted
// primitive: Boost.Thread's boost::sync_queue as each account's mailbox (a closable blocking
// queue), one std::thread per account; an in-flight counter under a std::mutex for balances()
//
// Why it is correct: an account's balance is a field only its own thread reads or writes, so it
// needs no lock; the mailbox is boost::sync_queue, whose wait_push and wait_pull are
// synchronised inside, block without busy-waiting and keep FIFO order, so each actor handles its
// messages one at a time in the order they were sent. A transfer is a debit message to the
// source, which checks the funds and, on success, sends a credit message to the destination: no
// handler waits for another account, so nothing can deadlock. balances() waits until
// `in_flight` (guarded by `m`) is zero, then asks every actor for its balance with a report
// message carrying a promise. The destructor closes every mailbox: wait_pull returns
// closed once the queue is closed and empty, so each thread finishes its messages and ends, and
// is joined.
#include <boost/thread/concurrent_queues/sync_queue.hpp>

class Bank {
    struct Account {
        boost::sync_queue<function<void()>> inbox;  // internally synchronised, closable
        int balance = 0;                             // only this account's thread touches it
        thread worker;

        void post(function<void()> message) { inbox.wait_push(std::move(message)); }
        void loop() {
            function<void()> message;
            while (inbox.wait_pull(message) == boost::queue_op_status::success) message();
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
        for (auto& a : accounts) a->inbox.close();  // the thread drains the inbox, then ends
        for (auto& a : accounts) a->worker.join();
    }
};
