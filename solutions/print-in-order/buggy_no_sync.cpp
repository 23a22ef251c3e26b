// expect: wrong_answer
// bug: no synchronisation at all; the methods print in whatever order the threads run.
class Foo {
public:
    Foo() {}
    void first(function<void()> printFirst) { printFirst(); }
    void second(function<void()> printSecond) { printSecond(); }
    void third(function<void()> printThird) { printThird(); }
};
