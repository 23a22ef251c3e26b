class SmokersTable {
public:
    SmokersTable() {

    }

    // The agent puts one ingredient on the table: 0 tobacco, 1 paper, 2 matches.
    void put(int ingredient) {

    }

    // A smoker's thread; it has an endless supply of ingredient `has`. Each time it gets the
    // other two, it calls smoke(). Returns after close().
    void smoker(int has, function<void()> smoke) {

    }

    // The agent is done: every smoker() returns.
    void close() {

    }
};
