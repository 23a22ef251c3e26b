class Foo {
public:
    void first(function<void()> printFirst) { printFirst(); }
    void second(function<void()> printSecond) { printSecond(); exit(0); }
    void third(function<void()> printThird) { printThird(); }
};
