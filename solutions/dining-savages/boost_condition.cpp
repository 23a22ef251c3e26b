// expect: accepted
// primitive: Boost.Thread boost::mutex + boost::condition_variable (the cook watches the pot)
//
// Why it is correct: servings and closed are guarded by one mutex. The cook waits until the pot
// is empty *and* a savage is waiting for it (hungry > 0), or the day is over, and refills under
// the mutex: the pot is empty then and nobody can take from it, so each emptying that a savage
// needs gets one refill. A savage waits while the pot is empty and takes its serving under the
// mutex in the same critical section in which it saw one; a savage who takes the last serving
// while others are hungry tells the cook (else the cook, already back asleep, would never learn
// that the pot emptied again). Every wait is a loop on its predicate under the mutex and every
// change the other side waits for is followed by notify_all, so no wakeup is lost.
#include <boost/thread.hpp>

class DiningSavages {
    const int m;
    boost::mutex mu;                    // guards servings, hungry and closed
    boost::condition_variable changed;  // any change to the pot, the hungry count or closed
    int servings = 0;                   // guarded by mu
    int hungry = 0;                     // guarded by mu: savages waiting for a refill
    bool closed = false;                // guarded by mu

public:
    DiningSavages(int servings) : m(servings) {}

    void savage(function<void()> getServingFromPot) {
        boost::unique_lock<boost::mutex> lock(mu);
        if (servings == 0) {
            ++hungry;
            changed.notify_all();
            while (servings == 0) changed.wait(lock);
            --hungry;
        }
        --servings;
        getServingFromPot();
        // The last serving went to a savage who did not wait: the hungry ones need the cook.
        if (servings == 0 && hungry > 0) changed.notify_all();
    }

    void cook(function<void()> putServingsInPot) {
        boost::unique_lock<boost::mutex> lock(mu);
        for (;;) {
            while (!closed && !(servings == 0 && hungry > 0)) changed.wait(lock);
            if (servings == 0 && hungry > 0) {
                putServingsInPot();
                servings = m;
                changed.notify_all();
            } else {
                return;
            }
        }
    }

    void close() {
        boost::lock_guard<boost::mutex> lock(mu);
        closed = true;
        changed.notify_all();
    }
};
