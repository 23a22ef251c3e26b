// expect: accepted
// primitive: Boost.Asio thread_pool (its threads live as long as the object), std::latch
//
// Why it is correct: the object owns an asio::thread_pool of `workers` threads, started once in
// the constructor and reused by every map call. map posts one handler per contiguous chunk, with
// ends from one formula (begin(k) = n * k / workers) so that the chunks cover [0, n) exactly once;
// each handler writes only the elements of its chunk, into a vector sized before anything is
// posted, so no two threads write the same element and no lock is needed. Each handler counts
// down a std::latch as its last step, and map waits on the latch: count_down and wait
// synchronise, so every result is visible when map returns, and a latch keeps its count, so a
// handler that finishes before map starts waiting is not missed. The destructor joins the pool
// (it stops after the work posted so far), so no pool thread outlives the object.
#include <utility>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

class ParallelMap {
    int workers;                    // fixed at construction, read only
    boost::asio::thread_pool pool;  // `workers` threads; joined by the destructor

public:
    ParallelMap(int workers) : workers(workers), pool(workers) {}

    ~ParallelMap() { pool.join(); }

    vector<long> map(const vector<int>& in, function<long(int)> f) {
        const size_t n = in.size();
        vector<long> out(n);  // each element written by the one handler whose chunk holds it
        auto begin = [&](size_t k) { return n * k / workers; };
        latch done(workers);
        for (int k = 0; k < workers; ++k) {
            boost::asio::post(pool, [&, k] {
                for (size_t i = begin(k); i < begin(k + 1); ++i) out[i] = f(in[i]);
                done.count_down();
            });
        }
        done.wait();
        return out;
    }
};
