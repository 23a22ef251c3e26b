// expect: wrong_answer
// bug: the producer waits only while size() > capacity, so one element more than the capacity
// gets in: an enqueue returns while the queue is already full.
class BoundedBlockingQueue {
    mutex m;
    condition_variable not_full, not_empty;
    deque<int> items;
    const size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        not_full.wait(lock, [this] { return items.size() <= capacity; });
        items.push_back(element);
        not_empty.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        not_empty.wait(lock, [this] { return !items.empty(); });
        int element = items.front();
        items.pop_front();
        not_full.notify_one();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return items.size();
    }
};
