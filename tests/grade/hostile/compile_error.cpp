// expect: compile_error
// hostile: does not compile (a missing semicolon and an undeclared name).
class Foo {
public:
    void first(function<void()> printFirst) { printFirst() }
    void second(function<void()> printSecond) { undeclared(); }
    void third(function<void()> printThird) { printThird(); }
};
