class Offloader {
public:
    // loop: the driver's event loop. One thread, the loop's thread, runs loop.run() for the
    // whole life of this object. The constructor is called on that thread before the loop runs.
    explicit Offloader(boost::asio::io_context& loop) {

    }

    // Called on the loop's thread. Runs job() off the loop's thread, then calls
    // on_done(result) on the loop's thread. Must return without waiting for the job.
    void submit(function<long()> job, function<void(long)> on_done) {

    }

    // Called on the loop's thread after the last on_done has returned. When it returns, every
    // thread this object started has finished.
    void shutdown() {

    }
};
