// expect: wrong_answer
// judge-mode: explore
// bug: the captain gives the other three 20 ms to board instead of waiting for them at a barrier
// (Downey's barrier is there to "make sure that all four threads have invoked board before the
// captain invokes rowBoat"). Woken threads board within microseconds on an idle machine, so stress
// accepts the file; explore runs sleeps on virtual time, lets a picked person be delayed past the
// pause, and sees the boat rowed with three aboard.
// Measured here (2 cores, load 20-30, default budget): stress accepted it in 5 of 5 runs (80 trials
// each); explore rejected it in 5 of 5 runs, after 5 to 9 schedules.
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
        if (captain) {
            // The bug: a pause instead of a barrier, "long enough" for the others to board.
            this_thread::sleep_for(chrono::milliseconds(20));
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
