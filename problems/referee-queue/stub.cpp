class RefereeQueue {
public:
    RefereeQueue(int referees) {

    }

    void arrive(int userId) {

    }

    void referee(int refereeId, function<void(int)> officiate) {

    }

    void close() {

    }
};
