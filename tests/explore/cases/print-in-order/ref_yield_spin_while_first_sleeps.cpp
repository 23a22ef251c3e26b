// expect: accepted
// primitive: std::atomic<int> + this_thread::yield, while first() sleeps
//
// Why it is correct: `stage` is atomic; second() and third() yield until it names them, and each
// advances it only after printing. first() sleeps 50 ms before printing: the others spin all
// that time, which is slow but correct. (The explorer must let virtual time pass while every
// runnable thread only yields, or it would call 50 ms of polite spinning a livelock.)
class Foo {
    atomic<int> stage{1};  // 1: first may print, 2: second may, 3: third may

public:
    Foo() {}

    void first(function<void()> printFirst) {
        this_thread::sleep_for(chrono::milliseconds(50));
        printFirst();
        stage = 2;
    }

    void second(function<void()> printSecond) {
        while (stage != 2) this_thread::yield();
        printSecond();
        stage = 3;
    }

    void third(function<void()> printThird) {
        while (stage != 3) this_thread::yield();
        printThird();
    }
};
