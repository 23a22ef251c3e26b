// expect: not_concurrent
// bug: the job is posted to the loop itself, so it runs on the loop's thread between two ticks
// and the loop is frozen for the whole job. The result is delivered on the right thread, which
// makes the answer look fine to a test that only checks results.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : loop(loop) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        boost::asio::post(loop, [job = std::move(job), on_done = std::move(on_done)] {
            on_done(job());  // BUG: 10 ms of computation on the loop's thread
        });
    }

    void shutdown() {}

private:
    boost::asio::io_context& loop;
};
