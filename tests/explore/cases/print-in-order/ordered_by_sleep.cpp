// expect: wrong_answer
// bug: the order rests on sleeping: second() sleeps 10 ms and third() 20 ms, hoping first() has
// printed by then. A thread that starts late, or is descheduled, breaks it.
class Foo {
public:
    Foo() {}

    void first(function<void()> printFirst) { printFirst(); }

    void second(function<void()> printSecond) {
        this_thread::sleep_for(chrono::milliseconds(10));
        printSecond();
    }

    void third(function<void()> printThird) {
        this_thread::sleep_for(chrono::milliseconds(20));
        printThird();
    }
};
