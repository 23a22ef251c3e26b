// expect: accepted
// primitive: std::async (launch::async) tasks that return their counts through futures
//
// Why it is correct: task w counts chunks w, w + workers, ... into a map it owns and returns it;
// nothing is shared while the tasks run, so there is nothing to lock. future::get() waits for
// its task and hands over the map with a happens-before edge, so the caller merges complete
// counts; every chunk belongs to exactly one task. The caller gets every future before
// returning, so no task outlives count(). No locks, no conditions: no deadlock, no lost wakeup.
class WordFrequency {
    int workers;

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        vector<future<unordered_map<string, int>>> parts;
        for (int w = 0; w < workers; ++w) {
            parts.push_back(async(launch::async, [&, w] {
                unordered_map<string, int> local;
                for (int i = w; i < chunks; i += workers) {
                    istringstream in(readChunk(i));
                    for (string word; in >> word;) ++local[word];
                }
                return local;
            }));
        }
        unordered_map<string, int> total;
        for (auto& part : parts)
            for (auto& [word, n] : part.get()) total[word] += n;
        return total;
    }
};
