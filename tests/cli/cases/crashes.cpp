class Foo {
    int* p = nullptr;
public:
    void first(function<void()> printFirst) { printFirst(); }
    void second(function<void()> printSecond) { printSecond(); *(volatile int*)p = 1; }
    void third(function<void()> printThird) { printThird(); }
};
