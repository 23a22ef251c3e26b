// expect: accepted
// primitive: C++20 std::counting_semaphore + std::binary_semaphore + std::barrier
//
// Why it is correct: a molecule has two hydrogen places and one oxygen place (the semaphores).
// An atom takes a place, meets the other two holders at the barrier, releases its atom and only
// then gives its place back. The barrier completes a phase only when three place holders have
// arrived, and there are never more than two hydrogen and one oxygen holders, so every phase is
// exactly H, H, O. An atom of the next molecule needs a place that an atom of this molecule gives
// back only after releasing, so the next phase cannot complete (and nobody of it can release)
// until all three atoms of this molecule are out: releases come in whole molecules. No deadlock:
// while atoms remain there are 2k hydrogens and k oxygens left, so the free places always fill
// up to a full molecule; the semaphores and the barrier keep no wakeup pending that can be lost.
#include <barrier>
#include <semaphore>

class H2O {
    counting_semaphore<2> hydrogenPlaces{2};  // free hydrogen places in the molecule
    binary_semaphore oxygenPlace{1};           // the free oxygen place
    barrier<> bond{3};                         // the three place holders meet here

public:
    H2O() {}

    void hydrogen(function<void()> releaseHydrogen) {
        hydrogenPlaces.acquire();
        bond.arrive_and_wait();
        // releaseHydrogen() outputs "H". Do not change or remove this line.
        releaseHydrogen();
        hydrogenPlaces.release();
    }

    void oxygen(function<void()> releaseOxygen) {
        oxygenPlace.acquire();
        bond.arrive_and_wait();
        // releaseOxygen() outputs "O". Do not change or remove this line.
        releaseOxygen();
        oxygenPlace.release();
    }
};
