// expect: wrong_answer
// bug: `barAllowed` starts at 1 instead of 0, so bar() may print before the first "foo", and
// once foo() has released it too, bar() holds two turns and prints twice in a row. (A
// counting_semaphore, so the extra release is not undefined behaviour, only wrong.)
#include <semaphore>

class FooBar {
private:
    int n;
    counting_semaphore<> fooAllowed{1};
    counting_semaphore<> barAllowed{1};  // should be {0}

public:
    FooBar(int n) {
        this->n = n;
    }

    void foo(function<void()> printFoo) {
        for (int i = 0; i < n; i++) {
            fooAllowed.acquire();
            printFoo();
            barAllowed.release();
        }
    }

    void bar(function<void()> printBar) {
        for (int i = 0; i < n; i++) {
            barAllowed.acquire();
            printBar();
            fooAllowed.release();
        }
    }
};
