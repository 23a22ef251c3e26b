// expect: not_concurrent
// bug: the job does run on another thread (std::async), but submit() waits for its future
// before returning, so the loop's thread sits blocked in get() for the whole job. It burns no
// CPU meanwhile, so a CPU-time measurement on real threads cannot tell it from a correct answer;
// the explorer's virtual time shows the loop going 10 ms without a tick.
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : loop(loop) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        future<long> result = std::async(launch::async, std::move(job));
        const long r = result.get();  // BUG: blocks the loop until the job is done
        boost::asio::post(loop, [on_done = std::move(on_done), r] { on_done(r); });
    }

    void shutdown() {}

private:
    boost::asio::io_context& loop;
};
