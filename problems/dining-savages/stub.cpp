class DiningSavages {
public:
    DiningSavages(int servings) {

    }

    // One meal of one savage: take exactly one serving from the pot.
    void savage(function<void()> getServingFromPot) {

    }

    // The cook's thread: refill the pot (putServingsInPot) whenever it is empty; return after close().
    void cook(function<void()> putServingsInPot) {

    }

    // Every savage has eaten: cook() returns.
    void close() {

    }
};
