// expect: wrong_answer
// bug: no synchronisation at all; the two loops print in whatever order the threads run, so
// "bar" can come first or two words of a kind can follow each other.
class FooBar {
private:
    int n;

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            printFoo();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            printBar();
        }
    }
};
