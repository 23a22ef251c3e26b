// expect: accepted
// primitive: C++20 coroutines on Boost.Asio (co_spawn, use_awaitable, use_future), a strand for
// the scope's bookkeeping, an asio::thread_pool, std::stop_source
//
// Why it is correct: every task is a coroutine co_spawn'ed onto the scope's own thread_pool,
// whose 8 threads are as many as the tasks a trial keeps alive, so a task that blocks until it
// is cancelled never keeps another from starting. The tasks are ordinary blocking functions, so
// each one holds a pool thread while it runs; the coroutine is what carries the task's result to
// the strand afterwards: `co_await co_spawn(strand, finished(error), use_awaitable)` runs
// finished() on the strand and resumes the task's coroutine when it is done. Every read and write
// of the bookkeeping (`running`, `first`, `joining`) happens in a coroutine running on that one
// strand, which runs them one at a time, so it needs no lock. spawn() waits (use_future) until
// the strand has counted the task, so the count is never behind a task that already finished.
// finished() records a failure first and requests stop second, so a sibling's cancellation
// exception always finds the root cause recorded. The owner waits on a promise that the strand
// fulfils once `joining` is set and `running` is 0, whichever of the two comes last (both are
// checked on the strand, so neither can be missed, and a promise keeps its value); join_for waits
// on it with a timeout and, if it expires, requests stop and waits again. Then the pool is joined,
// so no task and no pool thread runs when join returns, and `first` is read only after that.
#include <utility>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

class TaskScope {
    using awaitable = boost::asio::awaitable<void>;

public:
    void spawn(function<void(stop_token)> task) {
        boost::asio::co_spawn(strand, started(), boost::asio::use_future).get();
        boost::asio::co_spawn(pool, run(std::move(task)), boost::asio::detached);
    }

    void join() {
        future<void> done = start_joining();
        done.wait();
        finish();
    }

    bool join_for(chrono::milliseconds timeout) {
        future<void> done = start_joining();
        const bool in_time = done.wait_for(timeout) == future_status::ready;
        if (!in_time) stop.request_stop();
        done.wait();
        finish();
        return in_time;
    }

private:
    // On the pool: the task itself (blocking), then its outcome carried to the strand.
    awaitable run(function<void(stop_token)> task) {
        exception_ptr error;
        try {
            task(stop.get_token());
        } catch (...) {
            error = current_exception();
        }
        co_await boost::asio::co_spawn(strand, finished(error), boost::asio::use_awaitable);
    }

    // On the strand.
    awaitable started() {
        ++running;
        co_return;
    }

    // On the strand: record the first failure, then cancel; the last task out wakes the owner.
    awaitable finished(exception_ptr error) {
        if (error && !first) {
            first = error;
            stop.request_stop();
        }
        if (--running == 0 && joining) all_done.set_value();
        co_return;
    }

    // On the strand: from now on the last task out fulfils all_done (or now, if none runs).
    awaitable joined() {
        joining = true;
        if (running == 0) all_done.set_value();
        co_return;
    }

    future<void> start_joining() {
        future<void> done = all_done.get_future();
        boost::asio::co_spawn(strand, joined(), boost::asio::use_future).get();
        return done;
    }

    void finish() {
        pool.join();  // every coroutine has ended; no pool thread is left
        if (first) rethrow_exception(first);
    }

    boost::asio::thread_pool pool{8};      // runs the tasks; joined before join() returns
    boost::asio::strand<boost::asio::thread_pool::executor_type> strand{pool.get_executor()};
    stop_source stop;                      // thread safe; one token for every task
    int running = 0;                       // strand only
    exception_ptr first;                   // strand only; the owner reads it after pool.join()
    bool joining = false;                  // strand only
    promise<void> all_done;                // set on the strand; waited on by the owner
};
