// expect: wrong_answer
// A shop with no limit on its waiting room: every customer sits down and waits, however many
// are already waiting. Correct in every other way; cj sees the overfull room in the explore mode,
// where it can stop the barber mid-haircut until every customer has arrived.
class BarberShop {
    mutex m;
    condition_variable work, done;
    queue<int> waiting;
    unordered_set<int> cut;
    bool closed = false;

public:
    BarberShop(int) {}

    void barber(function<void(int)> cutHair) {
        for (;;) {
            int id;
            {
                unique_lock<mutex> lock(m);
                work.wait(lock, [&] { return !waiting.empty() || closed; });
                if (waiting.empty()) return;
                id = waiting.front();
                waiting.pop();
            }
            cutHair(id);
            lock_guard<mutex> lock(m);
            cut.insert(id);
            done.notify_all();
        }
    }

    bool customer(int id) {
        unique_lock<mutex> lock(m);
        waiting.push(id);
        work.notify_one();
        done.wait(lock, [&] { return cut.count(id) > 0; });
        return true;
    }

    void close() {
        lock_guard<mutex> lock(m);
        closed = true;
        work.notify_one();
    }
};
