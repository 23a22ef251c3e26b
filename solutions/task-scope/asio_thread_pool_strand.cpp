// expect: accepted
// primitive: Boost.Asio thread_pool, a strand for the scope's bookkeeping, std::stop_source
//
// Why it is correct: every task is posted to the scope's own asio::thread_pool, whose threads
// are as many as the tasks a trial may keep alive (8), so a task that blocks until it is
// cancelled never keeps another task from starting. The scope's bookkeeping (`running`, `first`)
// is only touched by handlers posted to one strand, which runs them one at a time, so it needs no
// lock; the strand handler that records a failure records it first and requests stop second, so a
// sibling's cancellation exception is always recorded after the root cause and ignored. The owner
// waits on a promise that the strand fulfils when `running` returns to zero (a promise keeps its
// value, so no wakeup is lost); join_for waits on it with a timeout and, if it expires, requests
// stop and waits again. Only then is the pool joined, so no task runs when join returns.
#include <utility>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

class TaskScope {
public:
    void spawn(function<void(stop_token)> task) {
        boost::asio::post(bookkeeping, [this] { ++running; });
        boost::asio::post(pool, [this, task = std::move(task)] {
            exception_ptr error;
            try {
                task(stop.get_token());
            } catch (...) {
                error = current_exception();
            }
            boost::asio::post(bookkeeping, [this, error] {
                if (error && !first) {
                    first = error;
                    stop.request_stop();
                }
                if (--running == 0 && joining) all_done.set_value();
            });
        });
    }

    void join() {
        wait_started().wait();
        finish();
    }

    bool join_for(chrono::milliseconds timeout) {
        future<void> done = wait_started();
        const bool in_time = done.wait_for(timeout) == future_status::ready;
        if (!in_time) stop.request_stop();
        done.wait();
        finish();
        return in_time;
    }

private:
    // Asks the strand to fulfil all_done once nothing runs (at once if nothing does already).
    future<void> wait_started() {
        future<void> done = all_done.get_future();
        boost::asio::post(bookkeeping, [this] {
            joining = true;
            if (running == 0) all_done.set_value();
        });
        return done;
    }

    void finish() {
        pool.join();
        if (first) rethrow_exception(first);  // written on the strand, read after pool.join()
    }

    boost::asio::thread_pool pool{8};
    boost::asio::strand<boost::asio::thread_pool::executor_type> bookkeeping{pool.get_executor()};
    stop_source stop;        // thread safe
    promise<void> all_done;  // fulfilled once, on the strand
    int running = 0;         // strand only
    bool joining = false;    // strand only
    exception_ptr first;     // strand only until pool.join()
};
