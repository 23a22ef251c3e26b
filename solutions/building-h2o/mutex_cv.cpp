// expect: accepted
// primitive: std::mutex + std::condition_variable
//
// Why it is correct: the molecule being built is the state (hydrogens, oxygens, released), all
// guarded by `m`. An atom waits until its kind has a free place in the molecule, joins, then
// waits until the molecule is full (two H, one O) and releases its atom under the lock. The last
// of the three to release empties the molecule for the next three. No atom can join while a
// molecule is full or being released, so the releases come out three by three, each group
// H, H, O in some order. Every state change happens under `m` and is followed by notify_all,
// and each wait re-checks its condition in a loop, so no wakeup is lost and spurious wakeups are
// harmless. No deadlock: with 2k hydrogens and k oxygens left, the places always fill.
class H2O {
    mutex m;                 // guards the three counters below
    condition_variable cv;   // signalled whenever the molecule changes
    int hydrogens = 0;       // hydrogens that joined the molecule being built (0..2)
    int oxygens = 0;         // oxygens that joined it (0..1)
    int released = 0;        // atoms of the full molecule already released (0..2)

    void bondAndRelease(unique_lock<mutex>& lock, const function<void()>& release) {
        cv.notify_all();
        cv.wait(lock, [this] { return hydrogens == 2 && oxygens == 1; });
        release();
        if (++released == 3) {
            hydrogens = oxygens = released = 0;
            cv.notify_all();
        }
    }

public:
    H2O() {}

    void hydrogen(function<void()> releaseHydrogen) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return hydrogens < 2; });
        ++hydrogens;
        // releaseHydrogen() outputs "H". Do not change or remove this line.
        bondAndRelease(lock, releaseHydrogen);
    }

    void oxygen(function<void()> releaseOxygen) {
        unique_lock<mutex> lock(m);
        cv.wait(lock, [this] { return oxygens < 1; });
        ++oxygens;
        // releaseOxygen() outputs "O". Do not change or remove this line.
        bondAndRelease(lock, releaseOxygen);
    }
};
