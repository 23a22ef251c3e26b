// expect: wrong_answer
// bug: one coroutine per shop, all started at once: the totals are right and the waits overlap,
// but every request is in flight at the same time, not at most k. The limit must count requests
// sent and not yet answered; a real service would throttle or fail the excess.
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
        for (const string& shop : shops)
            boost::asio::co_spawn(loop, fetch(service, shop, totals), boost::asio::detached);
        loop.run();
        return totals;
    }

private:
    static boost::asio::awaitable<void> fetch(SalesService& service, const string& shop,
                                              map<string, int>& totals) {
        const int sales = co_await service.async_get(shop, boost::asio::use_awaitable);
        totals[shop.substr(0, shop.find('/'))] += sales;
    }

    int k;
};
