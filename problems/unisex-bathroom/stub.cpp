class UnisexBathroom {
public:
    UnisexBathroom(int capacity) {

    }

    void woman(function<void()> useBathroom) {

        // useBathroom() is the time this woman spends inside. Call it exactly once.
        useBathroom();
    }

    void man(function<void()> useBathroom) {

        // useBathroom() is the time this man spends inside. Call it exactly once.
        useBathroom();
    }
};
