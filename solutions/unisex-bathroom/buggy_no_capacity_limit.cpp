// expect: wrong_answer
// bug: the lightswitches keep the sexes apart, but nothing limits how many are inside (Downey's
// first step, before the multiplexes): with more of one sex than places, they all go in.
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
        useBathroom();  // the bug: no multiplex, so any number of one sex go in
        sw.unlock(empty);
    }

public:
    UnisexBathroom(int capacity) : womenMultiplex(capacity), menMultiplex(capacity) {}

    void woman(function<void()> useBathroom) { use(womenSwitch, womenMultiplex, useBathroom); }
    void man(function<void()> useBathroom) { use(menSwitch, menMultiplex, useBathroom); }
};
