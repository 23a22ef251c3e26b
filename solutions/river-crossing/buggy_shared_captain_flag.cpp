// expect: rejected
// bug: `isCaptain` is a member instead of a local variable ("isCaptain is a local variable",
// Downey 5.7, who keeps it local for exactly this reason). The arrival that forms a boat sets it;
// after the barrier, whoever sees it set rows and clears it. A person of this boat that wakes
// from the barrier late can find the flag set again by the captain of the next boat and row that
// boat before its four boarded. The flag is an atomic (no data race); the window needs a whole next
// boat to form before a woken thread gets to its next instruction, which a loaded machine's
// preemptions give often enough for stress to find it too. Labelled `rejected`: after such a
// wrong row the next boats' threads meet at the one std::barrier while this boat's late ones are
// still inside it, and ThreadSanitizer has reported that as a data race inside
// arrive_and_wait() before the wrong row was seen (1 of 5 soak runs: data_race; 4: wrong_answer).
#include <barrier>
#include <semaphore>

class RiverCrossing {
    binary_semaphore mutex{1};            // Downey's mutex; guards the counts; held until rowed
    int hackers = 0;                      // hackers waiting and not yet picked
    int serfs = 0;                        // serfs waiting and not yet picked
    atomic<bool> isCaptain{false};        // the bug: shared by every boat
    counting_semaphore<> hackerQueue{0};
    counting_semaphore<> serfQueue{0};
    barrier<> boat{4};

    bool formBoat(int& mine, int& other, counting_semaphore<>& myQueue,
                  counting_semaphore<>& otherQueue) {
        if (mine == 4) {
            myQueue.release(4);
            mine = 0;
        } else if (mine == 2 && other >= 2) {
            myQueue.release(2);
            otherQueue.release(2);
            mine = 0;
            other -= 2;
        } else {
            return false;
        }
        isCaptain = true;
        return true;
    }

    void cross(counting_semaphore<>& queue, function<void()>& board, function<void()>& rowBoat) {
        queue.acquire();
        board();
        boat.arrive_and_wait();
        if (isCaptain) {
            isCaptain = false;
            rowBoat();
            mutex.release();
        }
    }

public:
    RiverCrossing() {}

    void hacker(function<void()> board, function<void()> rowBoat) {
        mutex.acquire();
        ++hackers;
        if (!formBoat(hackers, serfs, hackerQueue, serfQueue)) mutex.release();
        cross(hackerQueue, board, rowBoat);
    }

    void serf(function<void()> board, function<void()> rowBoat) {
        mutex.acquire();
        ++serfs;
        if (!formBoat(serfs, hackers, serfQueue, hackerQueue)) mutex.release();
        cross(serfQueue, board, rowBoat);
    }
};
