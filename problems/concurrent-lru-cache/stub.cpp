class LRUCache {
 public:
  LRUCache(int capacity) {}

  int get(int key) {}

  void put(int key, int value) {}

  int size() {}
};
