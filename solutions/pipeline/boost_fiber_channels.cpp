// expect: accepted
// primitive: Boost.Fiber's boost::fibers::buffered_channel between std::thread stages; the first
// error in an std::exception_ptr under a std::mutex
//
// Why it is correct: a buffered_channel of size N holds N - 1 values (one ring slot stays free),
// so for capacity c the channels have size c + 1 (a power of two, as the constraints promise)
// and push waits while c values are buffered: back-pressure at exactly the capacity. pop hands
// each value to one caller and reports closed only once the channel is closed and empty. The
// reader closes `todo` after the last item; the last worker to finish (the count under `m`)
// closes `done`, after which no worker pushes. On an error the worker keeps the first exception
// and closes both channels, so the reader's push and the other workers' pushes fail and everyone
// drains out; run joins every thread before rethrowing. Each plain thread gets its own fiber
// scheduler the first time it blocks on a channel.
#include <boost/fiber/all.hpp>

class Pipeline {
    using channel = boost::fibers::buffered_channel<int>;
    using status = boost::fibers::channel_op_status;

    const int workers;
    channel todo, done;       // internally synchronised
    mutex m;                  // guards first_error, running
    exception_ptr first_error;
    int running = 0;

public:
    Pipeline(int workers, int capacity)
        : workers(workers), todo(capacity + 1), done(capacity + 1) {}

    void run(function<optional<int>()> next, function<int(int)> work, function<void(int)> emit) {
        running = workers;
        thread reader([&] {
            while (auto item = next())
                if (todo.push(*item) != status::success) break;
            todo.close();
        });
        vector<thread> pool;
        for (int i = 0; i < workers; ++i)
            pool.emplace_back([&] {
                int item;
                while (todo.pop(item) == status::success) {
                    try {
                        if (done.push(work(item)) != status::success) break;
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
        int result;
        while (done.pop(result) == status::success) emit(result);
        reader.join();
        for (auto& t : pool) t.join();
        if (first_error) rethrow_exception(first_error);
    }
};
