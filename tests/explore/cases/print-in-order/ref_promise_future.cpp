// expect: accepted
// primitive: std::promise / std::future
//
// Why it is correct: second() blocks in get() until first() has printed and set its promise;
// third() likewise waits for second(). A value set before get() is kept by the shared state, so
// no signal can be lost, and each promise is set exactly once.
class Foo {
    promise<void> first_done;   // set by first() after it printed
    promise<void> second_done;  // set by second() after it printed
    future<void> after_first = first_done.get_future();
    future<void> after_second = second_done.get_future();

public:
    Foo() {}

    void first(function<void()> printFirst) {
        printFirst();
        first_done.set_value();
    }

    void second(function<void()> printSecond) {
        after_first.get();
        printSecond();
        second_done.set_value();
    }

    void third(function<void()> printThird) {
        after_second.get();
        printThird();
    }
};
