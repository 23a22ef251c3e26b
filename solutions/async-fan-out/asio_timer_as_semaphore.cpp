// expect: accepted
// primitive: C++20 coroutines on one io_context; a steady_timer that never expires as the
// semaphore a launcher waits on (Asio 1.74 has no channel or semaphore of its own)
//
// Why it is correct: everything runs on the one thread that runs `loop`, so `free_slots`,
// `replies` and `totals` need no lock, and each coroutine only switches at a co_await. The
// launcher takes a slot (free_slots > 0) before spawning a fetch for the next shop, so no more
// than k requests are ever in flight; with no slot free it waits on `slot_freed`, a timer set to
// expire never. A fetch that gets its reply adds it (after the co_await, with no suspension
// between the read and the write of the total), gives its slot back and cancels the timer, which
// wakes the launcher with operation_aborted; the launcher re-checks free_slots in a loop, so a
// cancel that came while it was not waiting is not lost: the slot count itself is the state.
// run() returns when the launcher and every fetch are done and no reply is pending.
//
// The timer registers with Asio's reactor (epoll, timerfd), which the explorer cannot schedule,
// so this answer is judged by stress and ThreadSanitizer alone (problem.json, "modes").
#include <utility>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

class FanOut {
public:
    FanOut(int k) : k(k) {}

    map<string, int> fetchAll(SalesService& service, const vector<string>& shops) {
        boost::asio::io_context loop;
        boost::asio::steady_timer slot_freed(loop, boost::asio::steady_timer::time_point::max());
        map<string, int> totals;  // loop thread only
        int free_slots = k;       // loop thread only
        boost::asio::co_spawn(
            loop,
            [&]() -> boost::asio::awaitable<void> {
                for (const string& shop : shops) {
                    while (free_slots == 0) {
                        boost::system::error_code ignored;
                        co_await slot_freed.async_wait(
                            boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
                    }
                    --free_slots;
                    boost::asio::co_spawn(
                        loop,
                        [&, shop]() -> boost::asio::awaitable<void> {
                            const int sales =
                                co_await service.async_get(shop, boost::asio::use_awaitable);
                            totals[shop.substr(0, shop.find('/'))] += sales;
                            ++free_slots;
                            slot_freed.cancel();
                        },
                        boost::asio::detached);
                }
            },
            boost::asio::detached);
        loop.run();
        return totals;
    }

private:
    int k;
};
