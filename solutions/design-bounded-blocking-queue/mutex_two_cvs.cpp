// expect: accepted
// measured cost: about 0.9x its raw mutex + condition-variable ping-pong (26658 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: std::mutex + two std::condition_variable (not_full, not_empty)
//
// Why it is correct: every access to `items` happens under `m`, so enqueue, dequeue and size()
// each take effect at one instant (while holding the lock) and see a consistent deque. A
// producer waits on `not_full` in a loop until there is room and a consumer waits on `not_empty`
// until there is an element, so a spurious wakeup or a wakeup stolen by another thread only
// sends it back to sleep. Each side changes `items` under the lock and then notifies the other
// side's condition: a waiter either saw the change before sleeping or is already asleep on that
// condition and gets woken, so no wakeup is lost. Producers and consumers wait on different
// conditions, so notify_one always wakes a thread that can use the change.
class BoundedBlockingQueue {
    mutex m;                        // guards items
    condition_variable not_full;    // signalled after a dequeue
    condition_variable not_empty;   // signalled after an enqueue
    deque<int> items;               // front = oldest
    const size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        not_full.wait(lock, [this] { return items.size() < capacity; });
        items.push_back(element);
        lock.unlock();
        not_empty.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        not_empty.wait(lock, [this] { return !items.empty(); });
        int element = items.front();
        items.pop_front();
        lock.unlock();
        not_full.notify_one();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return items.size();
    }
};
