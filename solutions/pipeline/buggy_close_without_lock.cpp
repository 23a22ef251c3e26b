// expect: deadlock
// judge-mode: explore
// judge-budget: 3
// bug: the channel's close() sets an atomic flag and notifies without taking the channel's lock.
// A worker that has just found the channel open and empty, but is not yet asleep, misses both
// and waits forever; so does the caller waiting for results. The window is a few instructions
// wide: stress missed it in 5 of 5 two-second runs here (about 14,000 trials); explore found it
// in every run, after 3 to 180 schedules.
class Pipeline {
    class Channel {
        mutex m;                          // guards items (closed is atomic: the bug)
        condition_variable room, data;
        deque<int> items;
        const size_t capacity;
        atomic<bool> closed{false};

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
            closed = true;  // BUG: not under `m`: may fall between a waiter's check and its wait
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
                        lock_guard<mutex> lock(m);
                        if (!first_error) first_error = current_exception();
                        todo.close();
                        done.close();
                        break;
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
