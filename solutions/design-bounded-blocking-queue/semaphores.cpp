// expect: accepted
// primitive: two std::counting_semaphore (free slots, filled slots) + std::mutex for the deque
//
// Why it is correct: `slots` counts free places and `filled` counts elements that a consumer may
// take. A producer first takes a free place, so at most `capacity` elements are ever in the
// deque; a consumer first takes a filled slot, which a producer releases only after its push, so
// the deque is never empty when popped. The deque itself is touched only under `m`, which is
// where each operation takes effect (and where size() reads it). A semaphore remembers a release
// that came before the acquire, so no wakeup can be lost; neither side holds `m` while waiting
// on a semaphore, so it cannot deadlock.
#include <semaphore>

class BoundedBlockingQueue {
    counting_semaphore<> slots;    // free places; internally synchronised
    counting_semaphore<> filled;   // elements ready to dequeue; internally synchronised
    mutex m;                       // guards items
    deque<int> items;

public:
    BoundedBlockingQueue(int capacity) : slots(capacity), filled(0) {}

    void enqueue(int element) {
        slots.acquire();
        {
            lock_guard<mutex> lock(m);
            items.push_back(element);
        }
        filled.release();
    }

    int dequeue() {
        filled.acquire();
        int element;
        {
            lock_guard<mutex> lock(m);
            element = items.front();
            items.pop_front();
        }
        slots.release();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return items.size();
    }
};
