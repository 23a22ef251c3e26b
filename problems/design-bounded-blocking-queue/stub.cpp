class BoundedBlockingQueue {
public:
    BoundedBlockingQueue(int capacity) {

    }

    void enqueue(int element) {

    }

    int dequeue() {

    }

    int size() {

    }
};
