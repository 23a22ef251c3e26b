// expect: wrong_answer
// bug: the oxygen waits for two hydrogens, but the hydrogens never wait for anything: a third
// hydrogen is released before the first molecule's oxygen ("HHH").
#include <semaphore>

class H2O {
    counting_semaphore<> hydrogensOut{0};  // hydrogens released and not yet bonded

public:
    H2O() {}

    void hydrogen(function<void()> releaseHydrogen) {
        releaseHydrogen();
        hydrogensOut.release();
    }

    void oxygen(function<void()> releaseOxygen) {
        hydrogensOut.acquire();
        hydrogensOut.acquire();
        releaseOxygen();
    }
};
