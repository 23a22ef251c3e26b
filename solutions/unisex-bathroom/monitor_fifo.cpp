// expect: accepted
// primitive: std::mutex + std::condition_variable (first come, first in)
//
// Why it is correct: all state is guarded by `m`. Every arrival takes a ticket; people go in in
// ticket order, each only when the room is empty or holds its own sex, and has a free place. So
// a woman and a man are never inside together, at most `capacity` are inside, and consecutive
// people of one sex share the room. Nobody is ever overtaken, so nobody starves. No lost wakeup:
// going in and coming out change the state under `m` and notify_all, and every wait re-checks
// its condition. No deadlock: the holder of the next ticket waits only for people inside, who
// leave without waiting for anything.
class UnisexBathroom {
    enum Sex { Woman, Man };
    const int capacity;
    mutex m;                        // guards everything below
    condition_variable changed;     // someone went in or came out
    long long nextTicket = 0;       // the ticket the next arrival takes
    long long nowServing = 0;       // the ticket whose holder goes in next
    int inside = 0;
    Sex insideSex = Woman;          // meaningful while inside > 0

    void use(Sex sex, function<void()>& useBathroom) {
        unique_lock<mutex> lock(m);
        const long long ticket = nextTicket++;
        changed.wait(lock, [&] {
            return ticket == nowServing && (inside == 0 || insideSex == sex) && inside < capacity;
        });
        ++nowServing;
        ++inside;
        insideSex = sex;
        changed.notify_all();
        lock.unlock();
        useBathroom();
        lock.lock();
        --inside;
        changed.notify_all();
    }

public:
    UnisexBathroom(int capacity) : capacity(capacity) {}

    void woman(function<void()> useBathroom) { use(Woman, useBathroom); }
    void man(function<void()> useBathroom) { use(Man, useBathroom); }
};
