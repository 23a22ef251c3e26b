// expect: wrong_answer
// bug: the waits use `if` instead of a loop. An enqueue wakes every waiting consumer
// (notify_all); the first one takes the element and the others, not re-checking, "take" from an
// empty ring buffer: they hand back a stale slot, an element that was already dequeued.
class BoundedBlockingQueue {
    mutex m;
    condition_variable not_full, not_empty;
    vector<int> buffer;
    size_t head = 0;
    int count = 0;

public:
    BoundedBlockingQueue(int capacity) : buffer(capacity) {}

    void enqueue(int element) {
        unique_lock<mutex> lock(m);
        if (count == (int)buffer.size()) not_full.wait(lock);
        buffer[(head + count) % buffer.size()] = element;
        ++count;
        not_empty.notify_all();
    }

    int dequeue() {
        unique_lock<mutex> lock(m);
        if (count == 0) not_empty.wait(lock);
        int element = buffer[head];
        head = (head + 1) % buffer.size();
        --count;
        not_full.notify_all();
        return element;
    }

    int size() {
        lock_guard<mutex> lock(m);
        return count;
    }
};
