// expect: deadlock
// bug: producers and consumers wait on one condition variable and each change wakes only one
// waiter. When a consumer's notify_one wakes another consumer (the queue is empty again) instead
// of the producer waiting for room, the woken consumer goes back to sleep and the producer is
// never woken: with every other thread asleep or finished, nobody is left to notify.
class BoundedBlockingQueue {
    mutex m;
    condition_variable changed;
    deque<int> items;
    const size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [this] { return items.size() < capacity; });
        items.push_back(element);
        changed.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        changed.wait(lock, [this] { return !items.empty(); });
        int element = items.front();
        items.pop_front();
        changed.notify_one();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return items.size();
    }
};
