// expect: accepted
// primitive: a bounded channel of std::mutex + two std::condition_variable, two of them joining
// a reader thread, the workers and the emitting caller; std::exception_ptr for the first error
//
// Why it is correct: every item is read once by the reader, received by exactly one worker
// (the channel hands each value to one receive) and its result received once by the caller, so
// each is processed and emitted once. A send waits while its channel is full, so the reader
// can be at most one item ahead of a full first channel, and the items in flight never exceed
// what the stages hold. The end: the reader closes `todo` after the last item; each worker
// stops when `todo` reports closed and the last worker to stop closes `done` (a counter under
// the first-error lock), so the caller's loop ends. An error: the worker that catches it keeps
// the first exception and closes both channels; the reader's next send fails and it stops,
// the workers drain out, and the caller rethrows after joining every thread. No wait can be
// lost: each channel changes its state and notifies under one lock.
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
