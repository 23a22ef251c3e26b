// expect: wrong_answer
// bug: the boat takes any four people. The solution counts arrivals, not hackers and serfs, so
// three hackers and one serf (or three serfs and one hacker) can share a boat: the very case the
// puzzle forbids (Downey 5.7).
#include <barrier>
#include <semaphore>

class RiverCrossing {
    mutex m;                             // guards `waiting`; held by a captain until it rows
    int waiting = 0;                     // people waiting, of either kind
    counting_semaphore<> queue{0};       // picked people go through
    barrier<> boat{4};

    void cross(function<void()>& board, function<void()>& rowBoat) {
        m.lock();
        const bool captain = ++waiting == 4;
        if (captain) {
            queue.release(4);
            waiting = 0;
        } else {
            m.unlock();
        }
        queue.acquire();
        board();
        boat.arrive_and_wait();
        if (captain) {
            rowBoat();
            m.unlock();
        }
    }

public:
    RiverCrossing() {}
    void hacker(function<void()> board, function<void()> rowBoat) { cross(board, rowBoat); }
    void serf(function<void()> board, function<void()> rowBoat) { cross(board, rowBoat); }
};
