// expect: accepted
// primitive: std::binary_semaphore + std::counting_semaphore + std::mutex (Downey's no-starve
// solution: a turnstile, two lightswitches, two multiplexes)
//
// Why it is correct: `empty` is held by whichever sex is inside: the first of a sex to come in
// takes it (inside its lightswitch's lock, so the count and the take are one step), and the last
// to leave gives it back. So a woman and a man are never inside together. Each sex's multiplex
// lets at most `capacity` in. No starvation: everyone passes the turnstile on the way in, and a
// person who finds the other sex inside waits for `empty` while holding the turnstile, so no one
// else gets in behind them; the ones inside leave, and they go in next. No deadlock: the
// turnstile holder waits only for people already inside, who need nothing to leave.
#include <semaphore>

class UnisexBathroom {
    // A lightswitch: the first one in takes the room, the last one out gives it back.
    struct Lightswitch {
        mutex m;        // guards `count`
        int count = 0;  // people of this sex in or on their way in
        void lock(binary_semaphore& room) {
            lock_guard<mutex> guard(m);
            if (++count == 1) room.acquire();
        }
        void unlock(binary_semaphore& room) {
            lock_guard<mutex> guard(m);
            if (--count == 0) room.release();
        }
    };

    binary_semaphore empty{1};      // held by the sex that is inside
    binary_semaphore turnstile{1};  // everyone passes; held by one waiting for the other sex
    Lightswitch womenSwitch, menSwitch;
    counting_semaphore<> womenMultiplex, menMultiplex;  // at most `capacity` of each inside

    void use(Lightswitch& sw, counting_semaphore<>& multiplex, function<void()>& useBathroom) {
        turnstile.acquire();
        sw.lock(empty);
        turnstile.release();
        multiplex.acquire();
        useBathroom();
        multiplex.release();
        sw.unlock(empty);
    }

public:
    UnisexBathroom(int capacity) : womenMultiplex(capacity), menMultiplex(capacity) {}

    void woman(function<void()> useBathroom) { use(womenSwitch, womenMultiplex, useBathroom); }
    void man(function<void()> useBathroom) { use(menSwitch, menMultiplex, useBathroom); }
};
