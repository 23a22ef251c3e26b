// expect: accepted
// primitive: a map split into shards, one std::mutex per shard; chunks split by stride
//
// Why it is correct: worker w takes the chunks w, w + workers, w + 2*workers, ..., so every chunk
// is read exactly once. A word always goes to the shard its hash picks, and a shard's map is
// only touched under that shard's mutex, so two workers adding the same word are serialised
// while words in other shards proceed in parallel. A worker holds at most one shard lock at a
// time and calls nothing while holding it, so there is no lock-order cycle and no deadlock.
// count() joins every worker before merging the shards, so it sees every increment.
class WordFrequency {
    int workers;
    static constexpr int kShards = 8;

    struct Shard {
        mutex m;                        // guards words
        unordered_map<string, int> words;
    };

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        vector<Shard> shards(kShards);
        vector<thread> pool;
        for (int w = 0; w < workers; ++w) {
            pool.emplace_back([&, w] {
                for (int i = w; i < chunks; i += workers) {
                    istringstream in(readChunk(i));
                    for (string word; in >> word;) {
                        Shard& s = shards[hash<string>{}(word) % kShards];
                        lock_guard<mutex> lock(s.m);
                        ++s.words[word];
                    }
                }
            });
        }
        for (auto& t : pool) t.join();
        unordered_map<string, int> total;
        for (auto& s : shards)
            for (auto& [word, n] : s.words) total[word] += n;
        return total;
    }
};
