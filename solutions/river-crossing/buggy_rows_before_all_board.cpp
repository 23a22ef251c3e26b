// expect: wrong_answer
// bug: Downey's solution without the barrier. The captain releases the other three and rows as
// soon as it has boarded itself, so the boat leaves before all four are in it ("we want to make
// sure that all four threads have invoked board before the captain invokes rowBoat", Downey 5.7).
#include <semaphore>

class RiverCrossing {
    mutex m;                            // guards the two counts; held by a captain until it rows
    int hackers = 0;                    // hackers waiting and not yet picked
    int serfs = 0;                      // serfs waiting and not yet picked
    counting_semaphore<> hackerQueue{0};  // picked hackers go through
    counting_semaphore<> serfQueue{0};    // picked serfs go through

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
        if (captain) {  // no barrier: the others may not have boarded yet
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
