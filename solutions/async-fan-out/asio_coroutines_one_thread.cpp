// expect: accepted
// primitive: C++20 coroutines on a Boost.Asio io_context run by the calling thread alone
//
// Why it is correct: fetchAll starts min(k, n) worker coroutines on its own io_context and runs
// that context on the calling thread, so every coroutine runs on that one thread, one at a time,
// and switches only at a co_await. Each worker takes the next shop, sends its request, and
// suspends until the reply; only then does it take another shop, so exactly the workers' requests
// are in flight: never more than k, and k as long as shops remain. The reply completes on the
// coroutine's own executor (use_awaitable), so `next` and `totals` are only ever touched on the
// loop thread and need no lock. The update `totals[region] += sales` happens after the co_await
// has produced `sales`, in one step with no suspension point inside it, so no other coroutine can
// slip in between its read and its write. run() returns when no worker is left and no reply is
// pending (each pending request keeps the context busy), so every reply is in when it returns.
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
        map<string, int> totals;  // loop thread only
        size_t next = 0;          // loop thread only: the next shop to request
        const int workers = min<int>(k, shops.size());
        for (int w = 0; w < workers; ++w)
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
            const int sales = co_await service.async_get(shop, boost::asio::use_awaitable);
            totals[shop.substr(0, shop.find('/'))] += sales;  // no co_await between read and write
        }
    }

    int k;
};
