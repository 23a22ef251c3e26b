// expect: wrong_answer
// bug: get returns the value but leaves the key where it was in the recency list, so the cache
// evicts in insertion order (a FIFO cache, not LRU): a key that was just read is thrown out.
class LRUCache {
    mutex m;                                             // guards order and where
    list<pair<int, int>> order;                          // (key, value), most recent first
    unordered_map<int, list<pair<int, int>>::iterator> where;
    const size_t capacity;

public:
    LRUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        lock_guard<mutex> lock(m);
        auto it = where.find(key);
        return it == where.end() ? -1 : it->second->second;
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
