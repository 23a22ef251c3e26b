class Foo {
public:
    void first(function<void()> printFirst) { printFirst(); }
    void second(function<void()> printSecond) { throw runtime_error("oops in second"); }
    void third(function<void()> printThird) { printThird(); }
};
