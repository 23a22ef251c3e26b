// expect: wrong_answer
// judge-mode: explore
// bug: Downey's first solution, lightswitches and multiplexes without the turnstile. It keeps the
// sexes apart and the count within capacity, but starves: while one man is inside, every man who
// comes along joins him, and a waiting woman gets in only when the men happen to leave all at
// once. Which arrivals find the room taken is up to the scheduler, so stress cannot tell
// starvation from bad luck and accepts the file; explore makes a man arrive while a woman is
// certainly waiting (nothing else could run) and sees him go in first. Measured here (2 cores,
// loaded, default budget): stress accepted it in 5 of 5 runs (72 to 4,464 trials each); explore
// rejected it in 5 of 5 runs, after 15 to 51 schedules.
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
    Lightswitch womenSwitch, menSwitch;
    counting_semaphore<> womenMultiplex, menMultiplex;  // at most `capacity` of each inside

    void use(Lightswitch& sw, counting_semaphore<>& multiplex, function<void()>& useBathroom) {
        sw.lock(empty);  // the bug: no turnstile
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
