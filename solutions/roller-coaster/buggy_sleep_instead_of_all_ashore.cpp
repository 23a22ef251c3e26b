// expect: wrong_answer
// judge-mode: explore
// bug: instead of waiting until every passenger is off (Downey's allAshore), the car pauses
// 20 ms after letting them off and loads again. Woken passengers get off within microseconds on
// an idle machine, so stress accepts the file; explore runs sleeps on virtual time, lets a
// passenger be delayed past the pause, and sees the next ride load while it is still aboard.
// Measured here (2 cores, load 20-30, default budget): stress accepted it in 5 of 5 runs (40 trials
// each); explore rejected it in 5 of 5 runs, after 2 to 10 schedules.
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
            unboardQueue.release(capacity);
            // The bug: a pause instead of waiting for allAshore, "long enough" to get off.
            this_thread::sleep_for(chrono::milliseconds(20));
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
