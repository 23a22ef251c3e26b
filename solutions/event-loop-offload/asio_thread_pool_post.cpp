// expect: accepted
// primitive: Boost.Asio thread_pool, asio::post twice (to the pool, then back to the loop)
//
// Why it is correct: submit() posts a handler to the pool and returns at once. That handler runs
// job() on a pool thread and then posts the completion to the executor the Offloader kept of the
// loop; the loop's thread is the only one running that io_context, so on_done runs there, once.
// The job and its result are captured by value in the two handlers, so nothing is shared
// between threads but Asio's queues, which are thread safe. The executor is copied on the loop's
// thread in the constructor and only read afterwards. shutdown() comes after the last on_done,
// so the pool has nothing left to run; join() waits for its threads to exit.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : loop(loop.get_executor()) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        boost::asio::post(pool, [this, job = std::move(job), on_done = std::move(on_done)] {
            const long result = job();  // on a pool thread
            boost::asio::post(loop, [on_done, result] { on_done(result); });  // back to the loop
        });
    }

    void shutdown() { pool.join(); }

private:
    boost::asio::io_context::executor_type loop;  // written once, before any job runs
    boost::asio::thread_pool pool{2};
};
