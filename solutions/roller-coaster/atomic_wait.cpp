// expect: accepted
// primitive: std::atomic<int> wait / notify (C++20)
//
// Why it is correct: seats and exits are permits the car hands out with a store after load() and
// after unload(); a passenger takes one with a compare-exchange that only lowers a positive count,
// so exactly `capacity` passengers board per ride, after load(), and exactly those get off, after
// unload() (the others are still waiting for a seat). Each counts itself in `aboard` after
// boarding and in `ashore` after getting off; the car waits for capacity in each, so it runs full
// and loads again only when everyone is off, and resets both counts before the next load(), when
// nobody can be touching them. No lost wakeup: atomic wait(v) blocks only while the value still
// is v, and every change is followed by a notify. No deadlock: capacity * rides passengers fill
// every ride.
class RollerCoaster {
    const int capacity, rides;
    atomic<int> seats{0};   // boarding permits left for this ride (atomic)
    atomic<int> exits{0};   // getting-off permits left for this ride (atomic)
    atomic<int> aboard{0};  // passengers of this ride who boarded (atomic)
    atomic<int> ashore{0};  // passengers of this ride who got off (atomic)

    static void take(atomic<int>& permits) {
        int n = permits.load();
        for (;;) {
            if (n == 0) {
                permits.wait(0);
                n = permits.load();
            } else if (permits.compare_exchange_weak(n, n - 1)) {
                return;
            }
        }
    }

    static void awaitCount(atomic<int>& count, int target) {
        for (int n = count.load(); n != target; n = count.load()) count.wait(n);
    }

public:
    RollerCoaster(int capacity, int rides) : capacity(capacity), rides(rides) {}

    void car(function<void()> load, function<void()> run, function<void()> unload) {
        for (int r = 0; r < rides; ++r) {
            aboard = 0;
            ashore = 0;
            load();
            seats = capacity;
            seats.notify_all();
            awaitCount(aboard, capacity);
            run();
            unload();
            exits = capacity;
            exits.notify_all();
            awaitCount(ashore, capacity);
        }
    }

    void passenger(function<void()> board, function<void()> unboard) {
        take(seats);
        board();
        aboard.fetch_add(1);
        aboard.notify_all();
        take(exits);
        unboard();
        ashore.fetch_add(1);
        ashore.notify_all();
    }
};
