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
};
