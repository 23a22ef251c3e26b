// expect: accepted
// primitive: C++20 coroutines on a two-thread Boost.Asio thread_pool, a strand guarding the map
//
// Why it is correct: every coroutine is spawned on one strand of the pool, and use_awaitable
// resumes a coroutine on the executor it runs on, so all of them run on the strand: one at a
// time, on whichever pool thread is free, each step ordered after the one before. The fields
// below are touched only by those coroutines, so the strand is their lock. A free slot is a
// token passed on: fetchAll spawns min(k, n) coroutines; each fetches one shop and, before it
// ends, claims the next shop and spawns a coroutine for it, so exactly k requests are in flight
// while shops remain, never more. The reply is added after the co_await has produced it, with
// no suspension point between the read and the write of the total. The coroutine that counts
// the last reply fulfils a promise (which keeps its value, so the caller cannot miss it); the
// caller then joins the pool, so no pool thread is running when fetchAll returns.
#include <utility>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        service_ = &service;
        shops_ = &shops;
        future<void> all_in = done.get_future();
        boost::asio::post(strand, [this] {
            const size_t first = min<size_t>(k, shops_->size());
            for (next = 0; next < first; ++next) spawn(next);
        });
        all_in.wait();
        pool.join();
        return totals;  // written on the strand, read after pool.join()
    }

private:
    void spawn(size_t i) {
        boost::asio::co_spawn(strand, fetch(i), boost::asio::detached);
    }

    boost::asio::awaitable<void> fetch(size_t i) {
        const string& shop = (*shops_)[i];
        const int sales = co_await service_->async_get(shop, boost::asio::use_awaitable);
        totals[shop.substr(0, shop.find('/'))] += sales;
        if (next < shops_->size()) spawn(next++);  // hand the slot on
        if (++replies == shops_->size()) done.set_value();
    }

    int k;
    boost::asio::thread_pool pool{2};
    boost::asio::strand<boost::asio::thread_pool::executor_type> strand{pool.get_executor()};
    SalesService* service_ = nullptr;
    const vector<string>* shops_ = nullptr;
    promise<void> done;      // fulfilled once, on the strand
    map<string, int> totals;  // strand only until pool.join()
    size_t next = 0;          // strand only: the next shop to request
    size_t replies = 0;       // strand only
};
