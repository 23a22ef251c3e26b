// expect: wrong_answer
// bug: the captain unlocks the mutex before it rows. Downey keeps the mutex locked until after
// rowBoat() so that no other boat forms meanwhile; here an arrival can take the mutex, form the
// next boat and let its people board while this boat is still at the shore, so a fifth person
// boards an unrowed boat. The window looks narrow (between unlock() and rowBoat()), but unlock()
// of a contended mutex wakes a waiter through the kernel first, and stress finds it too.
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
            m.unlock();  // too early: the next boat may form and board before this one is rowed
            rowBoat();
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
