// expect: accepted
// primitive: the C++ Actor Framework (CAF 0.17, Debian's libcaf-dev): one CAF actor per account,
// messages of atoms and ints, a scoped_actor request per account for balances()
//
// Why it is correct: each account is a stateful CAF actor whose `balance` lives in its state, and
// CAF runs an actor's handlers one message at a time, on whichever scheduler thread picks it up,
// never on two at once: only that actor reads or writes its balance, so it needs no lock.
// transfer() only sends a message (anon_send), and CAF keeps the order of the messages one
// sender sends to one actor (its mailbox is FIFO per sender). A debit handler checks the funds
// and, on success, sends a credit message to the destination; no handler ever waits for another
// actor, so there is no deadlock. Missing accounts are found in transfer() from the number of
// accounts (which never changes) before anything is sent. The `done` callbacks stay in the bank,
// in `waiting` under `m` keyed by a ticket that the messages carry (CAF messages carry only
// types it knows); answered() takes the callback out under `m`, calls it, and counts the transfer
// off `in_flight` (guarded by `m`), notifying `quiet` at zero. balances() waits for `quiet`,
// then asks each actor for its balance with a blocking request from a scoped_actor. The
// destructor sends each actor an exit message, waits for all actors to finish, and the
// actor_system's destructor joins the scheduler's threads. The "sharing" scheduler policy makes
// idle workers wait on a condition variable rather than poll.
//
// A trap of CAF 0.17: constructing the actor_system, spawn() and a scoped_actor each store the
// system's logger in a thread_local strong pointer of the calling thread, and ~actor_system()
// waits until the logger is destroyed. If a client thread other than the one that destroys the
// bank still holds that pointer, the destructor waits forever (seen under cj's stress runner,
// whose threads outlive the bank: ~actor_system blocked in pthread_cond_wait, every CAF thread
// gone). So each method that may have set the pointer clears it on its way out
// (logger::set_current_actor_system(nullptr)).
#include <caf/all.hpp>

class Bank {
    using debit_atom = caf::atom_constant<caf::atom("debit")>;
    using credit_atom = caf::atom_constant<caf::atom("credit")>;
    using get_atom = caf::atom_constant<caf::atom("get")>;

    struct AccountState {
        int balance = 0;  // only this account's actor touches it
    };

    static caf::actor_system_config& configure(caf::actor_system_config& cfg) {
        cfg.set("scheduler.policy", caf::atom("sharing"));
        cfg.set("scheduler.max-threads", 2);
        return cfg;
    }

    function<void(int, int, int)> record;
    caf::actor_system_config cfg;
    caf::actor_system sys;
    vector<caf::actor> accounts;  // written only by the constructor and the destructor

    mutex m;                                          // guards waiting, next_ticket, in_flight
    condition_variable quiet;                         // in_flight reached zero
    map<int, function<void(int, string)>> waiting;    // ticket -> done callback
    int next_ticket = 0;
    int in_flight = 0;

    void answered(int ticket, int id, const string& outcome) {
        function<void(int, string)> done;
        {
            lock_guard<mutex> lock(m);
            auto it = waiting.find(ticket);
            done = std::move(it->second);
            waiting.erase(it);
        }
        done(id, outcome);
        lock_guard<mutex> lock(m);
        if (--in_flight == 0) quiet.notify_all();
    }

    static caf::behavior account(caf::stateful_actor<AccountState>* self, Bank* bank, int index,
                                 int opening) {
        self->state.balance = opening;
        return {
            [=](debit_atom, int ticket, int id, int to, int amount) {
                int& balance = self->state.balance;
                if (balance < amount) return bank->answered(ticket, id, "insufficient funds");
                balance -= amount;
                bank->record(index, id, balance);
                self->send(bank->accounts[to], credit_atom::value, ticket, id, amount);
            },
            [=](credit_atom, int ticket, int id, int amount) {
                int& balance = self->state.balance;
                balance += amount;
                bank->record(index, id, balance);
                bank->answered(ticket, id, "ok");
            },
            [=](get_atom) { return self->state.balance; },
        };
    }

public:
    Bank(vector<int> balances, function<void(int account, int transfer, int balance)> record)
        : record(std::move(record)), sys(configure(cfg)) {
        for (int i = 0; i < static_cast<int>(balances.size()); ++i)
            accounts.push_back(sys.spawn(account, this, i, balances[i]));
        caf::logger::set_current_actor_system(nullptr);  // drop this thread's hold on the logger
    }

    void transfer(int id, int from, int to, int amount, function<void(int id, string outcome)> done) {
        int ticket;
        {
            lock_guard<mutex> lock(m);
            ticket = next_ticket++;
            waiting.emplace(ticket, std::move(done));
            ++in_flight;
        }
        const int n = static_cast<int>(accounts.size());
        if (from < 0 || from >= n || to < 0 || to >= n)
            return answered(ticket, id, "no such account");
        caf::anon_send(accounts[from], debit_atom::value, ticket, id, to, amount);
        caf::logger::set_current_actor_system(nullptr);  // in case sending set it
    }

    vector<int> balances() {
        {
            unique_lock<mutex> lock(m);
            quiet.wait(lock, [&] { return in_flight == 0; });
        }
        vector<int> out;
        {
            caf::scoped_actor self{sys};
            for (auto& a : accounts)
                self->request(a, caf::infinite, get_atom::value)
                    .receive([&](int balance) { out.push_back(balance); },
                             [&](caf::error&) { out.push_back(-1); });
        }
        caf::logger::set_current_actor_system(nullptr);  // drop this thread's hold on the logger
        return out;
    }

    ~Bank() {
        for (auto& a : accounts) caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
        sys.await_all_actors_done();
        accounts.clear();
    }
};
