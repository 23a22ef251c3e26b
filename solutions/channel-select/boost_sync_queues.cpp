// expect: accepted
// primitive: Boost.Thread's boost::sync_bounded_queue for each channel's buffer (a bounded,
// closable blocking queue); one boost::mutex + boost::condition_variable with a change counter
// that select waits on; a rotating start position for select's scan
//
// Why it is correct: each channel's values live in a sync_bounded_queue(capacity), which is
// internally synchronised: wait_push_back waits while it is full (back-pressure) and returns
// closed once the channel is closed, wait_pull_front hands each value to exactly one caller and
// reports closed only when the queue is closed and empty, and try_pull_front does the same
// without waiting (success, empty, or closed-and-empty). So a select takes a value from a
// channel only through one successful try_pull_front on it, and returns at once: exactly one
// branch fires, and no value is taken from a channel whose branch did not fire. Waiting without
// polling: the queues cannot tell a select that some other channel changed, so every send and
// close, after it changed its queue, bumps `changes` under `m` and notifies `changed`. A select
// reads `changes` under `m` before it scans and, finding nothing, waits until `changes` moved:
// a value or close that came after the read bumps it after the change, so the select scans
// again; one that came before the read is seen by the scan. No wakeup is lost. Fairness: each
// select starts its scan one position later than the previous one (`turn`, under `m`), so a
// ready channel is passed over at most as many times as there are channels.
#include <boost/thread/concurrent_queues/sync_bounded_queue.hpp>
#include <boost/thread/condition_variable.hpp>
#include <boost/thread/mutex.hpp>

class Channel {
    static boost::mutex m;                      // guards changes and turn
    static boost::condition_variable changed;   // some channel got a value or was closed
    static unsigned long changes;               // how many such changes so far
    static unsigned turn;                       // where the next select starts its scan
    boost::sync_bounded_queue<int> items;       // internally synchronised

    static void announce() {
        boost::lock_guard<boost::mutex> lock(m);
        ++changes;
        changed.notify_all();
    }

public:
    Channel(int capacity) : items(capacity) {}

    bool send(int value) {
        if (items.wait_push_back(value) != boost::queue_op_status::success) return false;
        announce();
        return true;
    }

    optional<int> receive() {
        int v;
        if (items.wait_pull_front(v) == boost::queue_op_status::success) return v;
        return nullopt;  // closed and empty
    }

    void close() {
        items.close();
        announce();
    }

    static pair<int, optional<int>> select(const vector<Channel*>& channels, bool with_default) {
        const size_t n = channels.size();
        for (;;) {
            unsigned long seen;
            size_t start;
            {
                boost::lock_guard<boost::mutex> lock(m);
                seen = changes;
                start = turn++ % n;
            }
            for (size_t k = 0; k < n; ++k) {
                const size_t i = (start + k) % n;
                int v;
                const auto status = channels[i]->items.try_pull_front(v);
                if (status == boost::queue_op_status::success) return {static_cast<int>(i), v};
                if (status == boost::queue_op_status::closed) return {static_cast<int>(i), nullopt};
            }
            if (with_default) return {-1, nullopt};
            boost::unique_lock<boost::mutex> lock(m);
            while (changes == seen) changed.wait(lock);
        }
    }
};
boost::mutex Channel::m;
boost::condition_variable Channel::changed;
unsigned long Channel::changes = 0;
unsigned Channel::turn = 0;
