// expect: wrong_answer
// bug: the elements are kept in a stack, so dequeue() returns the newest element instead of the
// oldest (LIFO instead of FIFO).
class BoundedBlockingQueue {
    mutex m;
    condition_variable not_full, not_empty;
    stack<int> items;
    const size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        not_full.wait(lock, [this] { return items.size() < capacity; });
        items.push(element);
        not_empty.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        not_empty.wait(lock, [this] { return !items.empty(); });
        int element = items.top();
        items.pop();
        not_full.notify_one();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return items.size();
    }
};
