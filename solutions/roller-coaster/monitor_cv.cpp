// expect: accepted
// primitive: std::mutex + std::condition_variable (a monitor)
//
// Why it is correct: the car's phase and both counts are guarded by `m`. A passenger waits until
// the car is loading and a seat is free, takes it, boards (under the lock, so the count and the
// boarding are one step), and wakes the car when it filled the last seat. The car runs only when
// every seat is taken and, after unload(), waits until everyone is off before the next load().
// A passenger gets off only in the unloading phase of its own ride: it remembers the ride it
// boarded, and the car cannot start the next ride before it is off. No lost wakeup: every change
// of phase or count is made under `m` and followed by notify_all, and every wait re-checks its
// condition under `m`. No deadlock: there are exactly capacity * rides passengers, so every ride
// fills, and every passenger aboard gets off once the car unloads.
class RollerCoaster {
    enum Phase { Closed, Loading, Unloading };
    const int capacity, rides;
    mutex m;                      // guards everything below
    condition_variable changed;   // the phase or a count changed
    Phase phase = Closed;
    int ride = 0;                 // the ride being loaded, run or unloaded
    int aboard = 0;               // passengers in the car

public:
    RollerCoaster(int capacity, int rides) : capacity(capacity), rides(rides) {}

    void car(function<void()> load, function<void()> run, function<void()> unload) {
        unique_lock<mutex> lock(m);
        for (int r = 0; r < rides; ++r) {
            ride = r;
            load();
            phase = Loading;
            changed.notify_all();
            changed.wait(lock, [&] { return aboard == capacity; });
            phase = Closed;
            run();
            unload();
            phase = Unloading;
            changed.notify_all();
            changed.wait(lock, [&] { return aboard == 0; });
            phase = Closed;
        }
    }

    void passenger(function<void()> board, function<void()> unboard) {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [&] { return phase == Loading && aboard < capacity; });
        board();
        const int myRide = ride;
        if (++aboard == capacity) changed.notify_all();
        changed.wait(lock, [&] { return phase == Unloading && ride == myRide; });
        unboard();
        if (--aboard == 0) changed.notify_all();
    }
};
