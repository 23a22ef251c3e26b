// expect: accepted
// primitive: C++20 std::binary_semaphore used as a lock
//
// Why it is correct: the semaphore holds one permit, so at most one car is between acquire() and
// release(), and that is where the light is read, turned and crossed: cars cross one at a time,
// the light turns only when it is red for the car's road, and it never changes under a crossing
// car. `greenRoad` is only touched while holding the permit; release() happens-before the next
// acquire() that takes the permit, so the next car sees the last write. No deadlock: the holder
// gives the permit back after a bounded amount of work, and a release wakes a waiter if any.
#include <semaphore>

class TrafficLight {
    binary_semaphore permit{1};  // guards greenRoad, and the intersection itself
    int greenRoad = 1;           // the road whose light is green; road A (1) starts green

public:
    TrafficLight() {}

    void carArrived(
        int carId,                   // ID of the car
        int roadId,                  // ID of the road the car travels on. Can be 1 (road A) or 2 (road B)
        int direction,               // Direction of the car
        function<void()> turnGreen,  // Use turnGreen() to turn light to green on current road
        function<void()> crossCar    // Use crossCar() to make car cross the intersection
    ) {
        permit.acquire();
        if (greenRoad != roadId) {
            turnGreen();
            greenRoad = roadId;
        }
        crossCar();
        permit.release();
    }
};
