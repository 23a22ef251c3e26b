// expect: accepted
// primitive: POSIX sem_t (sem_wait / sem_post)
//
// Why it is correct: both semaphores start at 0, so second() and third() block in sem_wait
// until the previous method has printed and posted. A post that comes before the wait is
// counted by the semaphore, so it cannot be lost.
#include <semaphore.h>

class Foo {
    sem_t second_may;  // posted by first() after it printed
    sem_t third_may;   // posted by second() after it printed

public:
    Foo() {
        sem_init(&second_may, 0, 0);
        sem_init(&third_may, 0, 0);
    }
    ~Foo() {
        sem_destroy(&second_may);
        sem_destroy(&third_may);
    }

    void first(function<void()> printFirst) {
        printFirst();
        sem_post(&second_may);
    }

    void second(function<void()> printSecond) {
        sem_wait(&second_may);
        printSecond();
        sem_post(&third_may);
    }

    void third(function<void()> printThird) {
        sem_wait(&third_may);
        printThird();
    }
};
