// expect: wrong_answer
// bug: the car opens the boarding queue before it calls load() (and the doors before it calls
// unload()): a passenger it lets through can board before load() or get off before unload().
// Releasing a semaphore before doing what it announces is a common slip; a ride takes long enough
// for a released passenger to get off during run(), so stress finds it as well as explore.
#include <semaphore>

class RollerCoaster {
    const int capacity, rides;
    mutex m;                               // guards the two counts
    int boarders = 0;                      // passengers aboard this ride who counted themselves
    int unboarders = 0;                    // passengers off this ride who counted themselves
    counting_semaphore<> boardQueue{0};    // the car lets `capacity` passengers board
    counting_semaphore<> unboardQueue{0};  // the car lets them off
    binary_semaphore allAboard{0};         // the last to board tells the car
    binary_semaphore allAshore{0};         // the last to get off tells the car

public:
    RollerCoaster(int capacity, int rides) : capacity(capacity), rides(rides) {}

    void car(function<void()> load, function<void()> run, function<void()> unload) {
        for (int ride = 0; ride < rides; ++ride) {
            boardQueue.release(capacity);  // the bug: released before load()
            load();
            allAboard.acquire();
            run();
            unboardQueue.release(capacity);  // the bug: released before unload()
            unload();
            allAshore.acquire();
        }
    }

    void passenger(function<void()> board, function<void()> unboard) {
        boardQueue.acquire();
        board();
        {
            lock_guard<mutex> lock(m);
            if (++boarders == capacity) {
                boarders = 0;
                allAboard.release();
            }
        }
        unboardQueue.acquire();
        unboard();
        lock_guard<mutex> lock(m);
        if (++unboarders == capacity) {
            unboarders = 0;
            allAshore.release();
        }
    }
};
