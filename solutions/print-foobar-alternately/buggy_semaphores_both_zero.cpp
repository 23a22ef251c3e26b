// expect: deadlock
// bug: deadlock. Both semaphores start at 0, so foo() waits for bar() to hand it the first turn
// while bar() waits for foo()'s first word; nobody ever prints. `fooAllowed` must start at 1.
#include <semaphore>

class FooBar {
private:
    int n;
    binary_semaphore fooAllowed{0};  // should be {1}
    binary_semaphore barAllowed{0};

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
