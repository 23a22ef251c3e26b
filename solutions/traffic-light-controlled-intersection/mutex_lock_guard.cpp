// expect: accepted
// primitive: std::mutex
//
// Why it is correct: `greenRoad` is only read or written under `m`, and a car holds `m` from
// looking at the light until it has crossed. So one car at a time is in the intersection (cars of
// different roads never cross together), a car turns its road green only when it finds it red,
// and nobody can change the light while it crosses. A car waits only for `m`, which every holder
// releases after a bounded amount of work: no deadlock, and a mutex has no wakeup to lose.
class TrafficLight {
    mutex m;            // guards greenRoad, and the intersection itself
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
        lock_guard<mutex> lock(m);
        if (greenRoad != roadId) {
            turnGreen();
            greenRoad = roadId;
        }
        crossCar();
    }
};
