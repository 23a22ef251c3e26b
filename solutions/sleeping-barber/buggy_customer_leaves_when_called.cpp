// expect: wrong_answer
// The barber calls the customer to the chair and the customer takes that as "done": without the
// second rendezvous of Downey's solution (customerDone / barberDone), customer() returns while
// the hair is still being cut.
class BarberShop {
    const int chairs;
    mutex m;
    condition_variable work, called;
    queue<int> waiting;
    unordered_set<int> inChair;
    bool closed = false;

public:
    BarberShop(int chairs) : chairs(chairs) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            int id;
            {
                unique_lock<mutex> lock(m);
                work.wait(lock, [&] { return !waiting.empty() || closed; });
                if (waiting.empty()) return;
                id = waiting.front();
                waiting.pop();
                inChair.insert(id);
                called.notify_all();
            }
            cutHair(id);
        }
    }

    bool customer(int id) {
        unique_lock<mutex> lock(m);
        if (static_cast<int>(waiting.size()) == chairs) return false;
        waiting.push(id);
        work.notify_one();
        called.wait(lock, [&] { return inChair.count(id) > 0; });
        return true;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        work.notify_one();
    }
};
