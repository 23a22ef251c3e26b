// expect: accepted
// primitive: C++20 coroutines on Boost.Asio (co_spawn, use_awaitable), an asio::thread_pool
//
// Why it is correct: submit() starts one coroutine on the loop's executor and returns; the
// coroutine co_awaits a second one co_spawned on the pool's executor, which runs job() on a pool
// thread. When that finishes, use_awaitable resumes the first coroutine through its own executor,
// the loop's, so on_done(result) runs on the loop's thread, once. Between two co_awaits the
// coroutine runs on the loop's thread, which is why the job itself must be in the inner
// coroutine, on the pool. Nothing is shared: the job and its result travel inside the coroutine
// frames, and Asio's own queues order the hops. shutdown() is called after the last on_done,
// when no coroutine is left; pool.join() then returns once the pool's threads have exited.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : loop(loop) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        boost::asio::co_spawn(
            loop,
            [this, job = std::move(job), on_done = std::move(on_done)]()
                -> boost::asio::awaitable<void> {
                const long result = co_await boost::asio::co_spawn(
                    pool, [&job]() -> boost::asio::awaitable<long> { co_return job(); },
                    boost::asio::use_awaitable);
                on_done(result);  // resumed on the loop's executor
            },
            boost::asio::detached);
    }

    void shutdown() { pool.join(); }

private:
    boost::asio::io_context& loop;
    boost::asio::thread_pool pool{2};  // thread safe; its threads exit in join()
};
