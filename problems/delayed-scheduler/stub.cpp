class DelayedScheduler {
public:
    DelayedScheduler() {

    }

    ~DelayedScheduler() {

    }

    int schedule(function<void()> task, chrono::milliseconds delay) {

    }

    bool cancel(int id) {

    }
};
