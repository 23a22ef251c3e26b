// expect: data_race
// bug: every worker does ++total[word] on one shared unordered_map with no lock. Two inserts at
// once race inside the hash table (undefined behaviour: lost counts, a corrupted table). On plain
// threads the race shows as wrong totals or a crash, depending on the schedule; in the default
// mode ThreadSanitizer runs beside stress and reports the race itself, and the cause wins over
// the symptom (the symptom is kept as a finding).
class WordFrequency {
    int workers;

public:
    WordFrequency(int workers) : workers(workers) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        unordered_map<string, int> total;  // shared by all workers, unguarded
        atomic<int> next{0};
        vector<thread> pool;
        for (int w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                for (int i; (i = next.fetch_add(1)) < chunks;) {
                    istringstream in(readChunk(i));
                    for (string word; in >> word;) ++total[word];
                }
            });
        }
        for (auto& t : pool) t.join();
        return total;
    }
};
