// expect: accepted
// primitive: one std::mutex around a std::list (recency order) and an unordered_map into it
//
// Why it is correct: every method does all of its work, lookup, move-to-front, insert and
// eviction, inside one critical section of `m`, so each call takes effect at one instant while
// it holds the lock and sees the list and the map agree. put evicts in the same critical section
// that inserted, so no thread can ever observe more than `capacity` keys. Nothing waits, so
// there is no wakeup to lose; one lock, never held while calling out, cannot deadlock.
class LRUCache {
    mutex m;                                             // guards order and where
    list<pair<int, int>> order;                          // (key, value), most recent first
    unordered_map<int, list<pair<int, int>>::iterator> where;  // key -> its node in order
    const size_t capacity;

public:
    LRUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        lock_guard<mutex> lock(m);
        auto it = where.find(key);
        if (it == where.end()) return -1;
        order.splice(order.begin(), order, it->second);
        return it->second->second;
    }

    void put(int key, int value) {
        lock_guard<mutex> lock(m);
        auto it = where.find(key);
        if (it != where.end()) {
            it->second->second = value;
            order.splice(order.begin(), order, it->second);
            return;
        }
        order.emplace_front(key, value);
        where[key] = order.begin();
        if (order.size() > capacity) {
            where.erase(order.back().first);
            order.pop_back();
        }
    }

    int size() {
        lock_guard<mutex> lock(m);
        return static_cast<int>(order.size());
    }
};
