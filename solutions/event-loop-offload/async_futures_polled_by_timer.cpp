// expect: accepted
// primitive: std::async futures, polled from the loop by an asio::steady_timer
//
// Why it is correct: submit() starts the job with std::async(launch::async), a thread of its
// own, keeps the future in a list that only the loop's thread touches, and makes sure a timer
// is running. Every millisecond the timer's handler, on the loop's thread, asks each future
// whether it is ready with wait_for(0s), which never blocks; the ready ones are taken out of the
// list and their on_done is called right there, on the loop's thread, once. The list is only
// touched in submit() and the timer's handler, both on the loop's thread, so it needs no lock;
// the future hands the result over with the happens-before it guarantees. The timer stops when
// the list is empty, so it does not keep the loop alive after the last result. shutdown() finds
// the list empty: every future was ready and destroyed, and a std::async thread is joined by
// the last future that refers to it. (A timer starts Asio's reactor, which the explorer does not
// model: this answer is judged by stress and ThreadSanitizer.)
class Offloader {
public:
    explicit Offloader(boost::asio::io_context& loop) : timer(loop) {}

    void submit(function<long()> job, function<void(long)> on_done) {
        pending.push_back({std::async(launch::async, std::move(job)), std::move(on_done)});
        if (!polling) poll_soon();
    }

    void shutdown() { pending.clear(); }  // empty by now: every result was delivered

private:
    struct Pending {
        future<long> result;
        function<void(long)> on_done;
    };

    void poll_soon() {
        polling = true;
        timer.expires_after(chrono::milliseconds(1));
        timer.async_wait([this](const boost::system::error_code&) { poll(); });
    }

    void poll() {  // on the loop's thread
        vector<Pending> ready;
        for (auto it = pending.begin(); it != pending.end();) {
            if (it->result.wait_for(chrono::seconds(0)) == future_status::ready) {
                ready.push_back(std::move(*it));
                it = pending.erase(it);
            } else {
                ++it;
            }
        }
        polling = false;
        if (!pending.empty()) poll_soon();
        for (auto& p : ready) p.on_done(p.result.get());  // may submit() again
    }

    boost::asio::steady_timer timer;  // the loop's thread only
    list<Pending> pending;            // the loop's thread only
    bool polling = false;             // the loop's thread only
};
