// expect: wrong_answer
// bug: no synchronisation at all; each atom is released as soon as its thread runs, so three
// consecutive releases are whatever arrived, e.g. "HHH" or "OOH".
class H2O {
public:
    H2O() {}
    void hydrogen(function<void()> releaseHydrogen) { releaseHydrogen(); }
    void oxygen(function<void()> releaseOxygen) { releaseOxygen(); }
};
