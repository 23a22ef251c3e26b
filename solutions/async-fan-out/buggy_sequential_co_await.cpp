// expect: not_concurrent
// bug: one coroutine awaits each reply before it sends the next request. Nothing races and the
// totals are right, but only one request is ever in flight: the waits add up (the sum of all the
// latencies) instead of overlapping. An `async` function that awaits in a loop is still
// sequential; concurrency needs several requests started before the first reply is awaited.
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
        boost::asio::co_spawn(loop, fetch(service, shops, totals), boost::asio::detached);
        loop.run();
        return totals;
    }

private:
    static boost::asio::awaitable<void> fetch(SalesService& service, const vector<string>& shops,
                                              map<string, int>& totals) {
        for (const string& shop : shops)
            totals[shop.substr(0, shop.find('/'))] +=
                co_await service.async_get(shop, boost::asio::use_awaitable);
    }

    int k;
};
