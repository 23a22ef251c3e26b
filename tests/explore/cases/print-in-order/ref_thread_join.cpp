// expect: accepted
// primitive: std::thread started inside the solution + std::latch
//
// Why it is correct: each method prints from a thread of its own that it joins before
// returning; the printing threads order themselves with latches that count down exactly once,
// after the previous print, so the order holds whichever method runs first.
#include <latch>

class Foo {
    latch first_printed{1};   // counted down once first's print is done
    latch second_printed{1};  // counted down once second's print is done

public:
    Foo() {}

    void first(function<void()> printFirst) {
        thread t([&] {
            printFirst();
            first_printed.count_down();
        });
        t.join();
    }

    void second(function<void()> printSecond) {
        thread t([&] {
            first_printed.wait();
            printSecond();
            second_printed.count_down();
        });
        t.join();
    }

    void third(function<void()> printThird) {
        thread t([&] {
            second_printed.wait();
            printThird();
        });
        t.join();
    }
};
