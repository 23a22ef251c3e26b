// expect: wrong_answer
// bug: a worker reads the next chunk index under the lock, releases it, and advances the index
// in a second critical section (check-then-act). Two workers can read the same index before
// either advances it: that chunk is read and counted twice. The window between the two sections
// is a few instructions wide, so plain stress rarely hits it; explore switches threads after
// every unlock and finds it.
class WordFrequency {
    int workers;

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        unordered_map<string, int> total;  // guarded by m
        mutex m;
        int next = 0;                      // guarded by m
        vector<thread> pool;
        for (int w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                unordered_map<string, int> local;
                for (;;) {
                    int i;
                    {
                        lock_guard<mutex> lock(m);
                        i = next;
                    }
                    if (i >= chunks) break;
                    {
                        lock_guard<mutex> lock(m);
                        next = i + 1;
                    }
                    istringstream in(readChunk(i));
                    for (string word; in >> word;) ++local[word];
                }
                lock_guard<mutex> lock(m);
                for (auto& [word, n] : local) total[word] += n;
            });
        }
        for (auto& t : pool) t.join();
        return total;
    }
};
