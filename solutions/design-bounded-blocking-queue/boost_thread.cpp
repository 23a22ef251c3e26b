// expect: accepted
// measured cost: about 0.9x its raw mutex + condition-variable ping-pong (26442 ns per hand-off, cj bench primitives, 5 repetitions)
// primitive: boost::mutex + two boost::condition_variable
//
// Why it is correct: the same design as the std version, with Boost.Thread's types. `items` is
// only touched under `m`; each wait is in a loop on its own condition (room for a producer, an
// element for a consumer), so spurious or stolen wakeups are harmless; every change is made
// under the lock before notifying the side that waits for it, so no wakeup is lost.
#include <boost/thread.hpp>

class BoundedBlockingQueue {
    boost::mutex m;                        // guards items
    boost::condition_variable not_full;    // signalled after a dequeue
    boost::condition_variable not_empty;   // signalled after an enqueue
    std::deque<int> items;
    const std::size_t capacity;

public:
    BoundedBlockingQueue(int capacity) : capacity(capacity) {}

    void enqueue(int element) {
        boost::unique_lock<boost::mutex> lock(m);
        while (items.size() >= capacity) not_full.wait(lock);
        items.push_back(element);
        not_empty.notify_one();
    }

    int dequeue() {
        boost::unique_lock<boost::mutex> lock(m);
        while (items.empty()) not_empty.wait(lock);
        int element = items.front();
        items.pop_front();
        not_full.notify_one();
        return element;
    }

    int size() {
        boost::lock_guard<boost::mutex> lock(m);
        return static_cast<int>(items.size());
    }
};
