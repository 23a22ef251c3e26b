// expect: wrong_answer
// bug: put makes room in one critical section and inserts in another (check-then-act). Two
// threads putting new keys into a cache one short of full both see a free place, neither evicts,
// and both insert: the cache holds capacity + 1 keys and evicts the wrong ones afterwards. The
// window between the two sections is a few instructions wide, so plain stress rarely hits it;
// explore switches threads after every unlock and finds it.
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
        {
            lock_guard<mutex> lock(m);
            if (!where.count(key) && order.size() >= capacity) {
                where.erase(order.back().first);
                order.pop_back();
            }
        }
        lock_guard<mutex> lock(m);
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
