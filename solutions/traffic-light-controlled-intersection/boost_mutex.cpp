// expect: accepted
// primitive: boost::mutex + boost::lock_guard
//
// Why it is correct: `greenRoad` is only read or written under `m`, and a car holds `m` from
// looking at the light until it has crossed, so only one car is ever in the intersection, the
// light turns only when it is red for the car's road, and it never changes under a crossing car.
// Waiting is only for `m`, which every holder releases after a bounded amount of work: no
// deadlock, no wakeup to lose.
#include <boost/thread.hpp>

class TrafficLight {
    boost::mutex m;     // guards greenRoad, and the intersection itself
    int greenRoad = 1;  // the road whose light is green; road A (1) starts green

public:
    TrafficLight() {}

    void carArrived(
        int carId,                   // ID of the car
        int roadId,                  // ID of the road the car travels on. Can be 1 (road A) or 2 (road B)
        int direction,               // Direction of the car
        function<void()> turnGreen,  // Use turnGreen() to turn light to green on current road
        function<void()> crossCar    // Use crossCar() to make car cross the intersection
    ) {
        boost::lock_guard<boost::mutex> lock(m);
        if (greenRoad != roadId) {
            turnGreen();
            greenRoad = roadId;
        }
        crossCar();
    }
};
