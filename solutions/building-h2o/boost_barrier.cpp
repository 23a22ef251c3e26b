// expect: accepted
// primitive: boost::barrier + boost::mutex + boost::condition_variable
//
// Why it is correct: the same shape as a semaphore answer, built from Boost.Thread parts. Free
// places (two for hydrogen, one for oxygen) are counters guarded by `m`; an atom waits on
// `placeFreed` until its kind has a place, takes it, meets the other two holders at the barrier,
// releases its atom, and only then gives the place back. A barrier generation completes only
// with three place holders, who are always H, H, O, and the next generation cannot complete
// before this molecule's atoms have all released and returned their places, so releases come in
// whole molecules. Places are taken and returned under `m` with notify_all after each return and
// a re-checking wait, so no wakeup is lost. No deadlock: the remaining atoms always fill the
// free places to a full molecule.
#include <boost/thread.hpp>

class H2O {
    boost::mutex m;                        // guards the two counters below
    boost::condition_variable placeFreed;  // signalled when a place is given back
    int freeHydrogen = 2;                  // hydrogen places not taken
    int freeOxygen = 1;                    // oxygen places not taken
    boost::barrier bond{3};                // the three place holders meet here

    void take(int& places) {
        boost::unique_lock<boost::mutex> lock(m);
        while (places == 0) placeFreed.wait(lock);
        --places;
    }

    void giveBack(int& places) {
        {
            boost::lock_guard<boost::mutex> lock(m);
            ++places;
        }
        placeFreed.notify_all();
    }

public:
    H2O() {}

    void hydrogen(function<void()> releaseHydrogen) {
        take(freeHydrogen);
        bond.wait();
        // releaseHydrogen() outputs "H". Do not change or remove this line.
        releaseHydrogen();
        giveBack(freeHydrogen);
    }

    void oxygen(function<void()> releaseOxygen) {
        take(freeOxygen);
        bond.wait();
        // releaseOxygen() outputs "O". Do not change or remove this line.
        releaseOxygen();
        giveBack(freeOxygen);
    }
};
