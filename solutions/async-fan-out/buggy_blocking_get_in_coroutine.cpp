// expect: not_concurrent
// bug: k worker coroutines on one io_context, as in the coroutine answer, but each calls the
// blocking get() instead of co_await-ing async_get. A blocking call inside a coroutine blocks
// the thread that runs the event loop: no other coroutine can run until it returns, so the k
// "concurrent" workers take turns and only one request is ever in flight. On an event loop,
// everything that waits must be awaited, or moved off the loop's thread.
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
            totals[shop.substr(0, shop.find('/'))] += service.get(shop);  // blocks the loop
            co_await boost::asio::post(co_await boost::asio::this_coro::executor,
                                       boost::asio::use_awaitable);  // let the others run
        }
    }

    int k;
};
