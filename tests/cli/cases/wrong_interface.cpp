class Foo {
public:
    Foo() {}
    void first(function<void()> printFirst) { printFirst(); }
    void second(function<void()> printSecond) { printSecond(); }
};
