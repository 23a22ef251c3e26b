// expect: not_concurrent
// bug: correct counts, but every chunk is read and counted on the calling thread, one after
// another: the workers are never used.
class WordFrequency {
public:
    WordFrequency(int) {}

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {
        unordered_map<string, int> total;
        for (int i = 0; i < chunks; ++i) {
            istringstream in(readChunk(i));
            for (string word; in >> word;) ++total[word];
        }
        return total;
    }
};
