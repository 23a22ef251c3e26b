// expect: wrong_answer
// bug: on_done is called on the pool thread that ran the job, right after it, instead of being
// posted back to the loop: whatever on_done touches (the loop's connections, maps, state) is now
// touched from two threads. The job itself is offloaded correctly.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context&) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        boost::asio::post(pool, [job = std::move(job), on_done = std::move(on_done)] {
            on_done(job());  // BUG: on the pool's thread, not the loop's
        });
    }

    void shutdown() { pool.join(); }

private:
    boost::asio::thread_pool pool{2};
};
