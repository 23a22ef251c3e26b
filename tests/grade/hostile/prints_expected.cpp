// expect: wrong_answer
// hostile: prints the expected words itself instead of calling the callbacks.
class Foo {
public:
    void first(function<void()> printFirst) { cout << "first" << flush; }
    void second(function<void()> printSecond) { cout << "second" << flush; }
    void third(function<void()> printThird) { cout << "third" << flush; }
};
