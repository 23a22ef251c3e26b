// expect: accepted
// primitive: std::mutex + this_thread::yield
//
// Why it is correct: `stage` is only read and written under `m`. A method whose turn has not
// come releases the lock and yields, so the thread whose turn it is can take `m` and advance
// the stage; no thread ever sleeps, so no wakeup can be lost.
class Foo {
    mutex m;        // guards stage
    int stage = 1;  // 1: first may print, 2: second may, 3: third may

    void in_turn(int mine, const function<void()>& print) {
        for (;;) {
            {
                lock_guard<mutex> lock(m);
                if (stage == mine) {
                    print();
                    ++stage;
                    return;
                }
            }
            this_thread::yield();
        }
    }

public:
    Foo() {}

    void first(function<void()> printFirst) { in_turn(1, printFirst); }
    void second(function<void()> printSecond) { in_turn(2, printSecond); }
    void third(function<void()> printThird) { in_turn(3, printThird); }
};
