// expect: accepted
// primitive: Boost.Thread's boost::sync_bounded_queue (a bounded, closable blocking queue) for
// both channels, boost::thread for the stages, an atomic count of running workers
//
// Why it is correct: sync_bounded_queue(n) holds at most n values and push_back waits while it is
// full, which is the back-pressure; wait_pull_front hands each value to one caller and returns
// queue_op_status::closed only once the queue is closed and empty, so nothing buffered is lost
// at the end. The reader closes `todo` after the last item. Each worker pulls until `todo` is
// closed; the worker whose decrement of `running` reaches zero closes `done`: all pushes into
// `done` happened before their worker's decrement, so no result is pushed after the close. On an
// error the worker stores the first exception (under `m`) and closes both queues: push_back on a
// closed queue throws sync_queue_is_closed, which stops the reader and the other workers, and
// the caller rethrows once every thread is joined.
#include <boost/thread/concurrent_queues/sync_bounded_queue.hpp>

class Pipeline {
    const int workers;
    boost::sync_bounded_queue<int> todo, done;  // internally synchronised
    boost::mutex m;                             // guards first_error
    exception_ptr first_error;
    atomic<int> running{0};                     // workers not yet finished

public:
    Pipeline(int workers, int capacity) : workers(workers), todo(capacity), done(capacity) {}

    void run(function<optional<int>()> next, function<int(int)> work, function<void(int)> emit) {
        running = workers;
        boost::thread reader([&] {
            try {
                while (auto item = next()) todo.push_back(*item);
            } catch (const boost::sync_queue_is_closed&) {
            }
            todo.close();
        });
        vector<boost::thread> pool;
        for (int i = 0; i < workers; ++i)
            pool.emplace_back([&] {
                int item;
                while (todo.wait_pull_front(item) == boost::queue_op_status::success) {
                    try {
                        done.push_back(work(item));
                    } catch (const boost::sync_queue_is_closed&) {
                        break;
                    } catch (...) {
                        {
                            boost::lock_guard<boost::mutex> lock(m);
                            if (!first_error) first_error = current_exception();
                        }
                        todo.close();
                        done.close();
                        break;
                    }
                }
                if (running.fetch_sub(1) == 1) done.close();
            });
        int result;
        while (done.wait_pull_front(result) == boost::queue_op_status::success) emit(result);
        reader.join();
        for (auto& t : pool) t.join();
        if (first_error) rethrow_exception(first_error);
    }
};
