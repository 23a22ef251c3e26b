// expect: data_race
// bug: size() reads `count` without the lock while enqueue and dequeue write it under the lock:
// a data race (undefined behaviour), even though on x86 the value read usually looks plausible.
class BoundedBlockingQueue {
    mutex m;
    condition_variable not_full, not_empty;
    deque<int> items;
    int count = 0;
    const int capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        not_full.wait(lock, [this] { return count < capacity; });
        items.push_back(element);
        ++count;
        not_empty.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        not_empty.wait(lock, [this] { return count > 0; });
        int element = items.front();
        items.pop_front();
        --count;
        not_full.notify_one();
        return element;
    }

    int size() {
        return count;
    }
};
