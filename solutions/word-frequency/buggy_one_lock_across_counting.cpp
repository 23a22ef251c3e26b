// expect: not_concurrent
// bug: the race on the shared map is fixed by one mutex, but each worker holds it for its whole
// chunk, reading and counting included, so the workers only take turns: never two chunks in
// progress at once, no faster than one thread.
class WordFrequency {
    int workers;

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        unordered_map<string, int> total;  // guarded by m
        mutex m;
        atomic<int> next{0};
        vector<thread> pool;
        for (int w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                for (int i; (i = next.fetch_add(1)) < chunks;) {
                    lock_guard<mutex> lock(m);
                    istringstream in(readChunk(i));
                    for (string word; in >> word;) ++total[word];
                }
            });
        }
        for (auto& t : pool) t.join();
        return total;
    }
};
