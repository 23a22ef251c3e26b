// expect: data_race
// judge-mode: tsan
// bug: enqueue and dequeue lock different mutexes but change the same deque, so a push and a pop
// can run at the same time on it (a data race that can corrupt the deque or lose an element).
// Each side also checks the other side's condition under the wrong mutex, so a wakeup can be lost.
// Judged in tsan mode: in stress mode some runs deadlock and others pass, while
// ThreadSanitizer reports the race on `items` in every run.
class BoundedBlockingQueue {
    mutex enqueue_m, dequeue_m;
    condition_variable not_full, not_empty;
    deque<int> items;
    const size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(enqueue_m);
        not_full.wait(lock, [this] { return items.size() < capacity; });
        items.push_back(element);
        not_empty.notify_one();
    }

    int dequeue() {
        unique_lock<mutex> lock(dequeue_m);
        not_empty.wait(lock, [this] { return !items.empty(); });
        int element = items.front();
        items.pop_front();
        not_full.notify_one();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(enqueue_m);
        return items.size();
    }
};
