// expect: wrong_answer
// bug: only the number of people is limited. A multiplex (a counting semaphore of `capacity`)
// keeps the bathroom from overflowing, but nothing keeps women and men apart: a man walks in on
// the women inside.
#include <semaphore>

class UnisexBathroom {
    counting_semaphore<> places;  // free places

    void use(function<void()>& useBathroom) {
        places.acquire();
        useBathroom();
        places.release();
    }

public:
    UnisexBathroom(int capacity) : places(capacity) {}
    void woman(function<void()> useBathroom) { use(useBathroom); }
    void man(function<void()> useBathroom) { use(useBathroom); }
};
