// expect: wrong_answer
// bug: put evicts whenever the cache is full, before looking whether the key is already cached.
// Updating a cached key in a full cache throws out the least recently used key although nothing
// new comes in: a later get of that key returns -1.
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
        if (it == where.end()) return -1;
        order.splice(order.begin(), order, it->second);
        return it->second->second;
    }

    void put(int key, int value) {
        lock_guard<mutex> lock(m);
        if (order.size() == capacity) {
            where.erase(order.back().first);
            order.pop_back();
        }
        auto it = where.find(key);
        if (it != where.end()) {
            it->second->second = value;
            order.splice(order.begin(), order, it->second);
            return;
        }
        order.emplace_front(key, value);
        where[key] = order.begin();
    }

    int size() {
        lock_guard<mutex> lock(m);
        return static_cast<int>(order.size());
    }
};
