// expect: accepted
// primitive: a lock built from std::atomic<bool> with C++20 wait/notify; recency kept as stamps
//
// Why it is correct: lock() swaps `locked` to true and only the thread that saw it false goes
// on, so one call at a time is inside: each call takes effect at one instant. A thread that
// finds the lock taken sleeps in locked.wait(true), which returns only once the value is no
// longer true (it re-checks after every wakeup, spurious ones included); unlock() stores false
// before notify_one, so a waiter either sees false before sleeping or is woken: no lost wakeup.
// Recency is a counter: each use gives a key a fresh stamp, and `by_age` maps stamps to keys, so
// its first entry is the least recently used key; put evicts it in the same critical section in
// which it inserted, so the cache never holds more than `capacity` keys.
class LRUCache {
    atomic<bool> locked{false};                // the lock; guards everything below
    unordered_map<int, pair<int, long>> entry; // key -> (value, stamp of its last use)
    map<long, int> by_age;                     // stamp -> key, oldest first
    long clock = 0;                            // last stamp given out
    const size_t capacity;

    void lock() {
        while (locked.exchange(true, memory_order_acquire)) locked.wait(true, memory_order_relaxed);
    }
    void unlock() {
        locked.store(false, memory_order_release);
        locked.notify_one();
    }
    void touch(int key, pair<int, long>& e) {
        by_age.erase(e.second);
        e.second = ++clock;
        by_age[e.second] = key;
    }

public:
    LRUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        lock();
        int result = -1;
        auto it = entry.find(key);
        if (it != entry.end()) {
            touch(key, it->second);
            result = it->second.first;
        }
        unlock();
        return result;
    }

    void put(int key, int value) {
        lock();
        auto it = entry.find(key);
        if (it != entry.end()) {
            it->second.first = value;
            touch(key, it->second);
        } else {
            entry[key] = {value, ++clock};
            by_age[clock] = key;
            if (entry.size() > capacity) {
                entry.erase(by_age.begin()->second);
                by_age.erase(by_age.begin());
            }
        }
        unlock();
    }

    int size() {
        lock();
        const int n = static_cast<int>(entry.size());
        unlock();
        return n;
    }
};
