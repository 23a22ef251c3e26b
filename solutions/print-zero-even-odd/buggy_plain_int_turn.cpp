// expect: data_race
// bug: `turn` is a plain int that three threads read and write with no lock and no atomic: a
// data race, undefined behaviour. On x86 the yield() call happens to force a fresh load each
// time, so the order usually comes out right, but nothing orders the accesses; the compiler may
// keep `turn` in a register and the ThreadSanitizer run reports the race.
class ZeroEvenOdd {
private:
    int n;
    int turn = 0;  // 0 zero(), 1 odd(), 2 even(); unguarded: the bug

public:
    ZeroEvenOdd(int n) {
        this->n = n;
    }

    // printNumber(x) outputs "x", where x is an integer.
    void zero(function<void(int)> printNumber) {
        for (int i = 1; i <= n; ++i) {
            while (turn != 0) this_thread::yield();
            printNumber(0);
            turn = i % 2 == 1 ? 1 : 2;
        }
    }

    void even(function<void(int)> printNumber) {
        for (int i = 2; i <= n; i += 2) {
            while (turn != 2) this_thread::yield();
            printNumber(i);
            turn = 0;
        }
    }

    void odd(function<void(int)> printNumber) {
        for (int i = 1; i <= n; i += 2) {
            while (turn != 1) this_thread::yield();
            printNumber(i);
            turn = 0;
        }
    }
};
