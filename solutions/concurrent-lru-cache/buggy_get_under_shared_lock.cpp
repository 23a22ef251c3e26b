// expect: data_race
// bug: "get only reads, so it takes a reader lock". But a hit refreshes the key's recency: here
// it writes the key's stamp and the shared clock under a shared_lock, so two gets write them at
// the same time, a data race (undefined behaviour). The answers usually still look right, so
// only the ThreadSanitizer run catches it.
class LRUCache {
    shared_mutex m;                              // guards entry and clock (but see get)
    unordered_map<int, pair<int, long>> entry;   // key -> (value, stamp of its last use)
    long clock = 0;
    const size_t capacity;

public:
    LRUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        shared_lock<shared_mutex> lock(m);
        auto it = entry.find(key);
        if (it == entry.end()) return -1;
        it->second.second = ++clock;
        return it->second.first;
    }

    void put(int key, int value) {
        unique_lock<shared_mutex> lock(m);
        entry[key] = {value, ++clock};
        if (entry.size() > capacity) {
            auto oldest = entry.begin();
            for (auto it = entry.begin(); it != entry.end(); ++it)
                if (it->second.second < oldest->second.second) oldest = it;
            entry.erase(oldest);
        }
    }

    int size() {
        shared_lock<shared_mutex> lock(m);
        return static_cast<int>(entry.size());
    }
};
