// expect: wrong_answer
// bug: the seeds' lost update, in its async form. Each worker reads the region's running total,
// co_awaits the reply, and writes "old total + sales" back. All coroutines run on one thread and
// nothing runs "at the same time", yet while one worker is suspended at the co_await another
// worker's reply for the same region is added, and the first worker's write-back erases it.
// Python's `totals[r] = totals[r] + await fetch(shop)` has exactly this bug (so has
// `totals[r] += await ...` there, which reads before it awaits); in C++17 `totals[r] += co_await
// ...` is safe, because the right operand is evaluated first.
#include <utility>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        boost::asio::io_context loop;
        map<string, int> totals;
        size_t next = 0;
        for (int w = 0; w < min<int>(k, shops.size()); ++w)
            boost::asio::co_spawn(loop, worker(service, shops, next, totals),
                                  boost::asio::detached);
        loop.run();
        return totals;
    }

private:
    static boost::asio::awaitable<void> worker(SalesService& service, const vector<string>& shops,
                                               size_t& next, map<string, int>& totals) {
        while (next < shops.size()) {
            const string& shop = shops[next++];
            const string region = shop.substr(0, shop.find('/'));
            const int before = totals[region];  // read ...
            const int sales = co_await service.async_get(shop, boost::asio::use_awaitable);
            totals[region] = before + sales;  // ... write back: what others added meanwhile is lost
        }
    }

    int k;
};
