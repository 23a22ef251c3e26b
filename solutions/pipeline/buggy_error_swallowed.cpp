// expect: wrong_answer
// bug: a failing item is caught and skipped, so the pipeline carries on and run() returns
// normally: the caller never learns that part of the input was not processed
class Pipeline {
    class Channel {
        mutex m;                          // guards items, closed
        condition_variable room, data;
        deque<int> items;
        const size_t capacity;
        bool closed = false;

    public:
        explicit Channel(size_t capacity) : capacity(capacity) {}
        bool send(int v) {
            unique_lock<mutex> lock(m);
            room.wait(lock, [&] { return closed || items.size() < capacity; });
            if (closed) return false;
            items.push_back(v);
            data.notify_one();
            return true;
        }
        optional<int> receive() {
            unique_lock<mutex> lock(m);
            data.wait(lock, [&] { return closed || !items.empty(); });
            if (items.empty()) return nullopt;
            const int v = items.front();
            items.pop_front();
            room.notify_one();
            return v;
        }
        void close() {
            lock_guard<mutex> lock(m);
            closed = true;
            room.notify_all();
            data.notify_all();
        }
    };

    const int workers;
    Channel todo, done;
    mutex m;                  // guards first_error, running
    exception_ptr first_error;
    int running = 0;          // workers not yet finished

public:
    Pipeline(int workers, int capacity) : workers(workers), todo(capacity), done(capacity) {}

    void run(function<optional<int>()> next, function<int(int)> work, function<void(int)> emit) {
        running = workers;
        thread reader([&] {
            while (auto item = next())
                if (!todo.send(*item)) break;
            todo.close();
        });
        vector<thread> pool;
        for (int i = 0; i < workers; ++i)
            pool.emplace_back([&] {
                while (auto item = todo.receive()) {
                    try {
                        if (!done.send(work(*item))) break;
                    } catch (...) {
                        continue;  // BUG: the error is dropped
                    }
                }
                lock_guard<mutex> lock(m);
                if (--running == 0) done.close();
            });
        while (auto result = done.receive()) emit(*result);
        reader.join();
        for (auto& t : pool) t.join();
        if (first_error) rethrow_exception(first_error);
    }
};
