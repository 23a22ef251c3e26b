class ReusableBarrier {
public:
    ReusableBarrier(int n) {

    }

    void wait() {

    }
};
