// expect: accepted
// primitive: boost::mutex + boost::condition_variable (Downey's turnstile, as a monitor)
//
// Why it is correct: all state is guarded by `m`. A person goes in only when the room is empty
// or holds its own sex and has a free place, so a woman and a man are never inside together and
// at most `capacity` are inside. No starvation: on arrival everyone waits until the turnstile is
// free; a person who then finds the other sex inside takes the turnstile and holds it until the
// room is empty and it went in, so nobody arriving after it gets in before it. No lost wakeup:
// every change is made under `m` and followed by notify_all, and every wait re-checks its
// condition in a loop. No deadlock: the turnstile holder waits only for the people inside, who
// leave without waiting for anything.
#include <boost/thread.hpp>

class UnisexBathroom {
    enum Sex { Woman, Man };
    const int capacity;
    boost::mutex m;                     // guards everything below
    boost::condition_variable changed;  // someone went in or out, or the turnstile was freed
    int inside = 0;
    Sex insideSex = Woman;              // meaningful while inside > 0
    bool turnstileHeld = false;         // someone waits for the other sex to leave

    bool mayEnter(Sex sex) const { return (inside == 0 || insideSex == sex) && inside < capacity; }

    void use(Sex sex, function<void()>& useBathroom) {
        {
            boost::unique_lock<boost::mutex> lock(m);
            while (turnstileHeld) changed.wait(lock);
            if (inside > 0 && insideSex != sex) {
                turnstileHeld = true;
                while (inside > 0) changed.wait(lock);
                turnstileHeld = false;
            } else {
                while (!mayEnter(sex)) changed.wait(lock);
            }
            ++inside;
            insideSex = sex;
            changed.notify_all();
        }
        useBathroom();
        boost::lock_guard<boost::mutex> lock(m);
        --inside;
        changed.notify_all();
    }

public:
    UnisexBathroom(int capacity) : capacity(capacity) {}

    void woman(function<void()> useBathroom) { use(Woman, useBathroom); }
    void man(function<void()> useBathroom) { use(Man, useBathroom); }
};
