// expect: accepted
// primitive: C++20 std::barrier + std::atomic<int>::wait / notify_all
//
// Why it is correct: a molecule has two hydrogen places and one oxygen place, counted by
// `freeHydrogen` and `freeOxygen`. An atom takes a place (a compare-exchange that only ever
// lowers a positive count), meets the other two holders at the barrier, releases its atom and
// only then gives its place back. The barrier completes a phase only when three place holders
// have arrived, and there are never more than two hydrogen and one oxygen holders, so every phase
// is H, H, O. An atom of the next molecule needs a place that an atom of this molecule gives back
// only after releasing, so releases come in whole molecules. No lost wakeup: a taker sleeps only
// in wait(0), which blocks only while the count still reads 0, and every give-back raises the
// count before notify_all. No deadlock: with 2k hydrogens and k oxygens left, the places fill.
// (std::counting_semaphore would be the textbook tool, but libstdc++ 12 can lose its wakeups:
// GCC bug 104928.)
#include <barrier>

class H2O {
    atomic<int> freeHydrogen{2};  // hydrogen places not taken (atomic)
    atomic<int> freeOxygen{1};    // oxygen places not taken (atomic)
    barrier<> bond{3};            // the three place holders meet here

    static void take(atomic<int>& places) {
        int n = places.load();
        for (;;) {
            if (n == 0) {
                places.wait(0);
                n = places.load();
            } else if (places.compare_exchange_weak(n, n - 1)) {
                return;
            }
        }
    }

    static void giveBack(atomic<int>& places) {
        places.fetch_add(1);
        places.notify_all();
    }

public:
    H2O() {}

    void hydrogen(function<void()> releaseHydrogen) {
        take(freeHydrogen);
        bond.arrive_and_wait();
        // releaseHydrogen() outputs "H". Do not change or remove this line.
        releaseHydrogen();
        giveBack(freeHydrogen);
    }

    void oxygen(function<void()> releaseOxygen) {
        take(freeOxygen);
        bond.arrive_and_wait();
        // releaseOxygen() outputs "O". Do not change or remove this line.
        releaseOxygen();
        giveBack(freeOxygen);
    }
};
