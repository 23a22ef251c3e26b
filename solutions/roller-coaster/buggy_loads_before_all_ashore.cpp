// expect: wrong_answer
// bug: the car does not wait for its passengers to get off before the next ride: after
// unload() it releases them and goes straight to load(), so the next ride's passengers board
// while the last ride's are still aboard, or into a car that is already full.
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
            load();
            boardQueue.release(capacity);
            allAboard.acquire();
            run();
            unload();
            unboardQueue.release(capacity);  // the bug: no allAshore.acquire() before load()
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
