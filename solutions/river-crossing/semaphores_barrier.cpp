// expect: accepted
// primitive: std::mutex + std::counting_semaphore + std::barrier (Downey's solution)
//
// Why it is correct: arrivals count themselves under `m`. The arrival that makes a safe boat
// possible (four of its kind, or two of its kind and two of the other) takes those people off the
// counts, releases their queues, and becomes the captain; it keeps `m` locked until it has rowed,
// so no other boat forms meanwhile. Released people board and meet at the barrier of four; only
// then does the captain row, so all four boarded first, and only the captain (a local flag) rows.
// No lost wakeup: a release on a semaphore is remembered until someone acquires it. No deadlock:
// with an even number of each kind, whenever four are waiting a safe boat can be formed, and the
// arrival that completes it forms it.
#include <barrier>
#include <semaphore>

class RiverCrossing {
    mutex m;                            // guards the two counts; held by a captain until it rows
    int hackers = 0;                    // hackers waiting and not yet picked
    int serfs = 0;                      // serfs waiting and not yet picked
    counting_semaphore<> hackerQueue{0};  // picked hackers go through
    counting_semaphore<> serfQueue{0};    // picked serfs go through
    barrier<> boat{4};                  // the four of one boat meet here after boarding

    // Called with m locked by an arrival of kind `mine`; true when it formed a boat (and keeps m).
    static bool formBoat(int& mine, int& other, counting_semaphore<>& myQueue,
                         counting_semaphore<>& otherQueue) {
        if (mine == 4) {
            myQueue.release(4);
            mine = 0;
            return true;
        }
        if (mine == 2 && other >= 2) {
            myQueue.release(2);
            otherQueue.release(2);
            mine = 0;
            other -= 2;
            return true;
        }
        return false;
    }

    void cross(bool captain, counting_semaphore<>& queue, function<void()>& board,
               function<void()>& rowBoat) {
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

    void hacker(function<void()> board, function<void()> rowBoat) {
        m.lock();
        ++hackers;
        const bool captain = formBoat(hackers, serfs, hackerQueue, serfQueue);
        if (!captain) m.unlock();
        cross(captain, hackerQueue, board, rowBoat);
    }

    void serf(function<void()> board, function<void()> rowBoat) {
        m.lock();
        ++serfs;
        const bool captain = formBoat(serfs, hackers, serfQueue, hackerQueue);
        if (!captain) m.unlock();
        cross(captain, serfQueue, board, rowBoat);
    }
};
