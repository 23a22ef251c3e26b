// expect: accepted
// primitive: a std::binary_semaphore used as the lock; the list is intrusive, in fixed arrays
//
// Why it is correct: `gate` starts with one permit and every method acquires it before touching
// the cache and releases it when done, so at most one call is ever inside: each call takes
// effect at one instant and sees a consistent list. A semaphore released by the thread that
// acquired it is a plain mutual-exclusion lock; acquire blocks rather than spins, and release
// always wakes a waiter if there is one, so no wakeup is lost. The cache keeps `capacity` slots
// in arrays linked by index; a new key takes a free slot or, when none is left, the slot of the
// least recently used key (evicted in the same critical section), so it never holds more than
// `capacity` keys.
class LRUCache {
    binary_semaphore gate{1};    // the lock: one permit; guards everything below
    vector<int> keys, values;    // slot -> its key and value
    vector<int> prev, next;      // slot -> neighbours in recency order, -1 at the ends
    unordered_map<int, int> slot_of;  // cached key -> its slot
    int head = -1, tail = -1;    // most / least recently used slot
    int used = 0;                // slots in use

    void unlink(int s) {
        (prev[s] == -1 ? head : next[prev[s]]) = next[s];
        (next[s] == -1 ? tail : prev[next[s]]) = prev[s];
    }
    void push_front(int s) {
        prev[s] = -1;
        next[s] = head;
        (head == -1 ? tail : prev[head]) = s;
        head = s;
    }

public:
    LRUCache(int capacity)
        : keys(capacity), values(capacity), prev(capacity), next(capacity) {}

    int get(int key) {
        gate.acquire();
        int result = -1;
        auto it = slot_of.find(key);
        if (it != slot_of.end()) {
            unlink(it->second);
            push_front(it->second);
            result = values[it->second];
        }
        gate.release();
        return result;
    }

    void put(int key, int value) {
        gate.acquire();
        auto it = slot_of.find(key);
        int s;
        if (it != slot_of.end()) {
            s = it->second;
            unlink(s);
        } else if (used < static_cast<int>(keys.size())) {
            s = used++;
        } else {
            s = tail;  // evict the least recently used key and reuse its slot
            unlink(s);
            slot_of.erase(keys[s]);
        }
        keys[s] = key;
        values[s] = value;
        slot_of[key] = s;
        push_front(s);
        gate.release();
    }

    int size() {
        gate.acquire();
        const int n = used;
        gate.release();
        return n;
    }
};
