class Channel {
public:
    Channel(int capacity) {

    }

    bool send(int value) {
        return false;
    }

    optional<int> receive() {
        return nullopt;
    }

    void close() {

    }

    static pair<int, optional<int>> select(const vector<Channel*>& channels, bool with_default) {
        return {-1, nullopt};
    }
};
