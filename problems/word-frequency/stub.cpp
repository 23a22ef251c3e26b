class WordFrequency {
public:
    WordFrequency(int workers) {

    }

    unordered_map<string, int> count(int chunks, function<string(int)> readChunk) {

    }
};
