// expect: accepted
// primitive: C++20 coroutines on Boost.Asio (co_spawn onto a thread_pool, use_future)
//
// Why it is correct: the work is CPU-bound, so coroutines alone (one thread) could not make it
// parallel; here each chunk is a coroutine co_spawned onto an asio::thread_pool of `workers`
// threads, so up to `workers` chunks run at once on different threads. The chunk ends come from
// one formula (begin(k) = n * k / workers), so the chunks cover [0, n) exactly once and each
// element is computed by exactly one coroutine; each coroutine writes only the elements of its
// chunk, into a vector sized before anything is spawned, so no lock is needed. co_spawn with
// use_future hands back a future per chunk: map waits on every one of them, and a future's
// get() synchronises with the end of its coroutine, so every result is visible when map
// returns (and an exception from f would come out of get()). The destructor joins the pool, so
// no pool thread outlives the object.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>

class ParallelMap {
    int workers;                    // fixed at construction, read only
    boost::asio::thread_pool pool;  // `workers` threads; joined by the destructor

public:
    ParallelMap(int workers) : workers(workers), pool(workers) {}

    ~ParallelMap() { pool.join(); }

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);  // each element written by the one coroutine whose chunk holds it
        auto begin = [n, this](size_t k) { return n * k / workers; };
        vector<std::future<void>> chunks;
        for (int k = 0; k < workers; ++k) {
            auto chunk = [&, k]() -> boost::asio::awaitable<void> {
                for (size_t i = begin(k); i < begin(k + 1); ++i) out[i] = f(in[i]);
                co_return;
            };
            chunks.push_back(boost::asio::co_spawn(pool, chunk, boost::asio::use_future));
        }
        for (auto& c : chunks) c.get();
        return out;
    }
};
