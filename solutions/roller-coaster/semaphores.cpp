// expect: accepted
// primitive: std::counting_semaphore + std::binary_semaphore + std::mutex (Downey's solution)
//
// Why it is correct: the car calls load() and only then releases `boardQueue` `capacity` times,
// so exactly that many passengers board, after load(). Each counts itself under `m` after
// boarding; the one that makes the count full releases `allAboard`, so when the car gets past it
// every seat was taken, and no one else can board (the queue's permits are used up). unload() and
// `unboardQueue` and `allAshore` do the same for getting off, and the car waits for `allAshore`
// before the next load(). No lost wakeup: a semaphore remembers its releases. No deadlock: every
// passenger the car lets through reaches the count, because there are capacity * rides of them.
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
