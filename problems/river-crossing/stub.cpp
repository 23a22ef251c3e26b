class RiverCrossing {
public:
    RiverCrossing() {

    }

    void hacker(function<void()> board, function<void()> rowBoat) {

        // board() puts this hacker in the boat. Call it exactly once.
        board();
        // rowBoat() sends the boat across. Exactly one of the four aboard calls it.
    }

    void serf(function<void()> board, function<void()> rowBoat) {

        // board() puts this serf in the boat. Call it exactly once.
        board();
        // rowBoat() sends the boat across. Exactly one of the four aboard calls it.
    }
};
