// expect: accepted
// Each method fulfils a few short-lived promises before it prints: their shared states (and the
// once flags inside them) are freed and allocated again at the same addresses within one
// execution, which the model of pthread_once must take for new flags, not finished ones.
class Foo {
    promise<void> firstDone, secondDone;
    shared_future<void> afterFirst = firstDone.get_future().share();
    shared_future<void> afterSecond = secondDone.get_future().share();

    static void warmUp() {
        for (int i = 0; i < 3; ++i) {
            promise<int> p;
            future<int> f = p.get_future();
            p.set_value(i);
            f.get();
        }
    }

public:
    void first(function<void()> printFirst) {
        warmUp();
        printFirst();
        firstDone.set_value();
    }
    void second(function<void()> printSecond) {
        warmUp();
        afterFirst.wait();
        printSecond();
        secondDone.set_value();
    }
    void third(function<void()> printThird) {
        warmUp();
        afterSecond.wait();
        printThird();
    }
};
