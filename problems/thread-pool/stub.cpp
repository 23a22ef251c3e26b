class ThreadPool {
public:
    ThreadPool(int threads) {

    }

    future<int> submit(function<int()> task) {

    }

    void shutdown() {

    }
};
