// expect: accepted
// primitive: std::mutex alone, re-checked in a loop (no yield, no condition variable)
//
// Why it is correct: `stage` is only read and written under `m`. A method whose turn has not
// come drops the lock and takes it again at once; a fair scheduler lets the thread whose turn it
// is take `m` in between and advance the stage. Wasteful, but nothing is lost and nothing
// blocks forever. (The explorer must not call it a livelock: the thread it waits for is never
// starved under a fair schedule.)
class Foo {
    mutex m;        // guards stage
    int stage = 1;  // 1: first may print, 2: second may, 3: third may

    void in_turn(int mine, const function<void()>& print) {
        for (;;) {
            lock_guard<mutex> lock(m);
            if (stage == mine) {
                print();
                ++stage;
                return;
            }
        }
    }

public:
    Foo() {}

    void first(function<void()> printFirst) { in_turn(1, printFirst); }
    void second(function<void()> printSecond) { in_turn(2, printSecond); }
    void third(function<void()> printThird) { in_turn(3, printThird); }
};
