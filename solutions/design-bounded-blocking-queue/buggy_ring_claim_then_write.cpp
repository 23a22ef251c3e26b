// expect: data_race or wrong_answer
// judge-mode: explore
// bug: a producer claims its slot with an atomic increment of `tail` and writes the element
// into it afterwards, while the `filled` semaphore counts elements, not written slots. With two
// producers, the first can claim slot 0 and be preempted before its write; the second claims
// slot 1, writes it and posts `filled`; a consumer takes that post, claims slot 0 (the head)
// and reads what was there before the first producer's write: an element nobody enqueued (or
// an old one, twice). The window is a few instructions between two atomic operations with no
// synchronisation call between them, so explore finds it only because an atomic operation is a
// scheduling point (clang instruments the plain build's atomics); stress meets it by luck.
// Explore reports whichever it meets first: the consumer's read of the unwritten slot and the
// producer's late write to it race (nothing orders them: data_race), or the element read is
// wrong (wrong_answer).
#include <semaphore.h>

class BoundedBlockingQueue {
    sem_t slots;            // free places; internally synchronised
    sem_t filled;           // claimed places (the bug: not the written ones)
    vector<int> buffer;     // the elements, written after their slot is claimed
    atomic<size_t> tail{0}; // the next slot a producer claims
    atomic<size_t> head{0}; // the next slot a consumer claims
    atomic<int> count{0};   // elements enqueued and not yet dequeued

public:
    BoundedBlockingQueue(int capacity) : buffer(capacity) {
        sem_init(&slots, 0, capacity);
        sem_init(&filled, 0, 0);
    }

    ~BoundedBlockingQueue() {
        sem_destroy(&slots);
        sem_destroy(&filled);
    }

    void enqueue(int element) {
        while (sem_wait(&slots) != 0) {}
        size_t slot = tail.fetch_add(1) % buffer.size();
        buffer[slot] = element;
        count.fetch_add(1);
        sem_post(&filled);
    }

    int dequeue() {
        while (sem_wait(&filled) != 0) {}
        size_t slot = head.fetch_add(1) % buffer.size();
        int element = buffer[slot];
        count.fetch_sub(1);
        sem_post(&slots);
        return element;
    }

    int size() {
        return count.load();
    }
};
