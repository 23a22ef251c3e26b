// expect: accepted
// primitive: std::thread workers, an atomic chunk counter, one mutex for the final merge
//
// Why it is correct: each chunk index is handed out once by next.fetch_add, so every chunk is
// read and counted exactly once, by one worker, into that worker's own map (no sharing, no
// lock). The shared `total` is only touched under `m`, once per worker, to add its local counts;
// addition commutes, so the order of the merges does not matter. count() joins every worker
// before reading `total`, so it sees every merge. Nothing waits on a condition, so no wakeup can
// be lost; one lock, never held while calling out, cannot deadlock. Reading and counting run
// outside the lock, so the workers really work at the same time.
class WordFrequency {
    int workers;

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        unordered_map<string, int> total;  // guarded by m until the workers are joined
        mutex m;
        atomic<int> next{0};               // the next chunk to hand out
        vector<thread> pool;
        for (int w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                unordered_map<string, int> local;  // this worker's own
                for (int i; (i = next.fetch_add(1)) < chunks;) {
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
